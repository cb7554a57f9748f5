package dev.eventschema.monitor.view;

import dev.eventschema.Violation;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.export.Exports;
import dev.eventschema.monitor.model.CountRow;
import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.RejectionLog;
import dev.eventschema.monitor.model.ShownRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Every rejection, with counts by code and event type; the selected one shows its payload as
 * received with the offending paths highlighted and its violations. Copy as JSON, export to a file.
 */
public final class RejectionsView extends BorderPane {

  /** How often, at most, new rejections reach the table. */
  static final int ROWS_PER_SECOND = 10;

  private final EngineModel model;
  /** The table's own copy of the log, updated only while on screen: a hidden tab's table costs nothing. */
  private final ShownRows<StreamMessage.Rejection> shown;
  private final TableView<StreamMessage.Rejection> table;
  private long rowsUpdated;
  private final Label summary = new Label();
  private final FlowPane codeChips = new FlowPane(6, 6);
  private final FlowPane typeChips = new FlowPane(6, 6);
  private final Label detailsTitle = new Label("Select a rejection to see its payload and violations");
  private final JsonView payload = new JsonView();
  private final TableView<Violation> violations = new TableView<>();
  private final Label message = new Label();
  private final Consumer<String> problemReporter;
  private final Exports exports;
  private long shownTotal = -1;

  public RejectionsView(EngineModel model, Exports exports, Consumer<String> problemReporter) {
    this.model = model;
    this.exports = exports;
    this.problemReporter = problemReporter;
    getStyleClass().add("rejections-view");

    summary.setId("rejectionSummary");
    summary.getStyleClass().add("section-title");
    Label byCode = new Label("By code");
    byCode.getStyleClass().add("caption");
    Label byType = new Label("By event type");
    byType.getStyleClass().add("caption");
    codeChips.setId("codeCounts");
    typeChips.setId("typeCounts");
    HBox.setHgrow(codeChips, Priority.ALWAYS);
    HBox.setHgrow(typeChips, Priority.ALWAYS);
    VBox top = new VBox(6, summary, new HBox(8, byCode, codeChips), new HBox(8, byType, typeChips));
    top.getStyleClass().add("rejections-header");
    setTop(top);

    shown = new ShownRows<>(model.rejections().items());
    table = new TableView<>(shown.rows());
    table.setId("rejectionsTable");
    table.setPlaceholder(new Label("No rejected payloads yet"));
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.getColumns().add(Cells.text("Time", 100, r -> EngineModel.clock(r.time())));
    table.getColumns().add(Cells.text("Event type", 135, StreamMessage.Rejection::eventType));
    table.getColumns().add(Cells.styled("Source", 80, StreamMessage.Rejection::source, s -> "source-" + s));
    table.getColumns().add(Cells.text("Count", 55, r -> Integer.toString(r.violations().size())));
    table.getColumns().add(Cells.text("First violation", 300, r -> r.firstViolation() == null ? ""
        : r.firstViolation().toString()));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Cells.fixedRows(table, summary, 1.05);
    Cells.scaleWidths(table, summary, 1.05);
    table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showDetails(r));

    payload.setId("rejectedPayload");
    violations.setId("violationsTable");
    violations.setPlaceholder(new Label(""));
    violations.getColumns().add(Cells.text("Path", 150, v -> v.path().isEmpty() ? "(root)" : v.path()));
    violations.getColumns().add(Cells.text("Code", 130, v -> v.code().wireName()));
    violations.getColumns().add(Cells.text("Message", 300, Violation::message));
    violations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Cells.fixedRows(violations, summary, 1.05);
    Cells.scaleWidths(violations, summary, 1.05);
    violations.setPrefHeight(160);

    Button copy = new Button("_Copy as JSON");
    copy.setId("copyJson");
    copy.setOnAction(e -> copySelected());
    Button exportSelected = new Button("_Export selected…");
    exportSelected.setId("exportSelected");
    exportSelected.setOnAction(e -> export(false));
    Button exportAll = new Button("Export _all…");
    exportAll.setId("exportAll");
    exportAll.setOnAction(e -> export(true));
    message.getStyleClass().add("caption");
    message.setId("rejectionMessage");
    HBox actions = new HBox(8, copy, exportSelected, exportAll, message);
    actions.getStyleClass().add("actions");

    detailsTitle.getStyleClass().add("section-title");
    detailsTitle.setWrapText(true);
    Label payloadCaption = new Label("Payload as received (offending paths highlighted)");
    payloadCaption.getStyleClass().add("caption");
    Label violationsCaption = new Label("Violations");
    violationsCaption.getStyleClass().add("caption");
    VBox details = new VBox(6, detailsTitle, actions, payloadCaption, payload, violationsCaption, violations);
    details.getStyleClass().add("details-pane");
    VBox.setVgrow(payload, Priority.ALWAYS);
    SplitPane split = new SplitPane(table, details);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.5);
    setCenter(split);
  }

  /** Updates the rows and counts when rejections arrived; called once per frame while on screen. */
  public void refresh() {
    long now = System.nanoTime();
    if (shown.isStale() && now - rowsUpdated >= 1_000_000_000L / ROWS_PER_SECOND) {
      rowsUpdated = now;
      shown.update();
    }
    RejectionLog log = model.rejections();
    long total = log.totalProperty().get();
    if (total == shownTotal) {
      return;
    }
    shownTotal = total;
    long consumer = log.consumerProperty().get();
    summary.setText(Formats.grouped(total) + " rejections · " + Formats.grouped(total - consumer)
        + " by the engine · " + Formats.grouped(consumer) + " by this dashboard (source consumer)"
        + (log.dropped() > 0 ? " · " + Formats.grouped(log.dropped()) + " oldest no longer kept" : ""));
    chips(codeChips, log.byCode());
    chips(typeChips, log.byType());
  }

  private static void chips(FlowPane pane, List<CountRow> rows) {
    List<Label> labels = new ArrayList<>(rows.size());
    for (CountRow row : rows) {
      Label chip = new Label(row.key() + "  " + Formats.grouped(row.count()));
      chip.getStyleClass().add("chip");
      labels.add(chip);
    }
    pane.getChildren().setAll(labels);
  }

  private void showDetails(StreamMessage.Rejection r) {
    if (r == null) {
      detailsTitle.setText("Select a rejection to see its payload and violations");
      payload.clear();
      violations.setItems(FXCollections.observableArrayList());
      return;
    }
    detailsTitle.setText(r.eventType() + " rejected (source " + r.source() + ") · #" + r.seq() + " · "
        + EngineModel.clock(r.time()) + " · " + r.violations().size()
        + (r.violations().size() == 1 ? " violation" : " violations"));
    payload.show(r.payload(), r.violations());
    violations.setItems(FXCollections.observableArrayList(r.violations()));
  }

  /** Copies the selected rejection as JSON. */
  public void copySelected() {
    StreamMessage.Rejection r = table.getSelectionModel().getSelectedItem();
    if (r == null) {
      message.setText("Select a rejection first.");
      return;
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(exports.rejectionJson(r));
    Clipboard.getSystemClipboard().setContent(content);
    message.setText("Copied rejection #" + r.seq() + " as JSON.");
  }

  /** Asks where to save the selected (or all) rejections and has them written there. */
  public void export(boolean all) {
    List<StreamMessage.Rejection> chosen = new ArrayList<>(all ? model.rejections().items()
        : table.getSelectionModel().getSelectedItems());
    if (chosen.isEmpty()) {
      message.setText(all ? "There are no rejections to export." : "Select one or more rejections first.");
      return;
    }
    boolean started = exports.saveRejections(chosen, all ? "Export all rejections" : "Export selected rejections",
        getScene() == null ? null : getScene().getWindow(), outcome -> {
          message.setText(outcome.words());
          if (!outcome.saved()) {
            problemReporter.accept(outcome.words());
          }
        });
    if (started) {
      message.setText("Exporting " + chosen.size() + (chosen.size() == 1 ? " rejection…" : " rejections…"));
    }
  }
}
