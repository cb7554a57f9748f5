package dev.eventschema.monitor.view;

import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.export.Exports;
import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.EventLog;
import dev.eventschema.monitor.model.EventQuery;
import dev.eventschema.monitor.model.FilteredEvents;
import dev.eventschema.monitor.model.Formats;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live events table ({@code #eventsTable}): filters by type and model, text search,
 * pause/resume with an "N new" counter, auto-follow of the newest row only while the reader is at the
 * bottom, and the selected event's envelope in a details pane ({@code #eventDetails}).
 */
public final class EventsView extends BorderPane {

  /** Rows per frame above which the table is refreshed at most every {@link #BUSY_PERIOD_NANOS}. */
  static final int BUSY_ROWS = 120;
  static final long BUSY_PERIOD_NANOS = 100_000_000L;
  private static final long COUNTS_PERIOD_NANOS = 200_000_000L;

  private final EngineModel model;
  private final Exports exports;
  private final FilteredEvents rows;
  private final TableView<StreamMessage.Event> table;
  private final EventFilterBar bar;
  private final TailFollower follower;
  private final Label detailsTitle = new Label();
  private final TextArea details = new TextArea();
  private long lastApplied;
  private long countsUpdated;

  public EventsView(EngineModel model, List<String> eventTypes, Exports exports) {
    this.model = model;
    this.exports = exports;
    this.rows = new FilteredEvents(model.events());
    this.table = new TableView<>(rows.rows());
    getStyleClass().add("events-view");
    bar = new EventFilterBar(eventTypes, model.modelNames(), this::setQuery, this::setPaused);
    setTop(bar);

    table.setId("eventsTable");
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setPlaceholder(new Label("No events yet"));
    table.getColumns().add(Cells.text("Time", 100, e -> EngineModel.clock(e.time())));
    table.getColumns().add(Cells.text("Seq", 60, e -> Long.toString(e.seq())));
    table.getColumns().add(Cells.styled("Type", 150, StreamMessage.Event::type, t -> "type-" + t));
    table.getColumns().add(Cells.text("Model", 115, e -> e.model() == null ? "" : e.model()));
    table.getColumns().add(Cells.text("Generation", 90, e -> e.generationId() == null ? "" : e.generationId()));
    table.getColumns().add(Cells.text("Summary", 420, StreamMessage.Event::summary));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Cells.fixedRows(table, bar.countsLabel(), 0.9);
    Cells.scaleWidths(table, bar.countsLabel(), 0.9);
    table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> showDetails(e));
    follower = new TailFollower(table);

    details.setEditable(false);
    details.setId("eventDetails");
    details.getStyleClass().add("mono");
    detailsTitle.getStyleClass().add("section-title");
    detailsTitle.setWrapText(true);
    showDetails(null);
    VBox detailsPane = new VBox(6, detailsTitle, details);
    detailsPane.getStyleClass().add("details-pane");
    VBox.setVgrow(details, Priority.ALWAYS);
    SplitPane split = new SplitPane(table, detailsPane);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.7);
    setCenter(split);
  }

  /**
   * Takes the frame's appended and dropped events; called once per frame. The table is brought up
   * to date at once when the view is on screen and rows arrive slowly; when they stream faster than
   * anyone can read ({@link #BUSY_ROWS} per frame), at most ten times a second; when it is hidden,
   * when it is shown again.
   */
  public void refresh(boolean onScreen) {
    int appended = rows.collect();
    if (rows.isPaused()) {
      bar.showNew(rows.newWhilePaused());
    } else {
      follower.beforeRows(onScreen);
      long now = System.nanoTime();
      if (onScreen && rows.hasPending() && (appended <= BUSY_ROWS || now - lastApplied >= BUSY_PERIOD_NANOS)) {
        lastApplied = now;
        rows.apply();
        follower.rowsAppended();
      }
    }
    updateCounts(onScreen, false);
  }

  private void setQuery(EventQuery query) {
    StreamMessage.Event selected = table.getSelectionModel().getSelectedItem();
    rows.setQuery(query);
    if (selected != null && rows.rows().contains(selected)) {
      table.getSelectionModel().select(selected);
    }
    bar.showNew(rows.newWhilePaused());
    follower.rowsReplaced();
    updateCounts(true, true);
  }

  private void setPaused(boolean paused) {
    if (paused) {
      rows.pause();
    } else {
      rows.resume();
      follower.followAgain();
      updateCounts(true, true);
    }
    bar.showNew(rows.newWhilePaused());
  }

  private void updateCounts(boolean onScreen, boolean now) {
    long time = System.nanoTime();
    if (!onScreen || !now && time - countsUpdated < COUNTS_PERIOD_NANOS) {
      return;
    }
    countsUpdated = time;
    EventLog log = model.events();
    bar.showCounts("Showing " + Formats.grouped(rows.rows().size()) + " of " + Formats.grouped(log.items().size())
        + " kept (cap " + Formats.grouped(log.capacity()) + ") · " + Formats.grouped(log.dropped()) + " dropped");
  }

  private void showDetails(StreamMessage.Event e) {
    if (e == null) {
      detailsTitle.setText("Select an event to see its payload");
      details.clear();
      return;
    }
    detailsTitle.setText("#" + e.seq() + " · " + e.type() + (e.generationId() == null ? "" : " · " + e.generationId())
        + " · " + EngineModel.clock(e.time()));
    details.setText(exports.eventJson(e));
  }

  /** Toggles pause (for the menu's accelerator). */
  public void togglePause() {
    bar.togglePause();
  }

  /** Moves the keyboard focus to the search field. */
  public void focusSearch() {
    bar.focusSearch();
  }

  /** Scrolls to the newest event and follows again. */
  public void jumpToNewest() {
    follower.followAgain();
  }
}
