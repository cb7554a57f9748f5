package dev.eventschema.monitor.view;

import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.export.Exports;
import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.EventLog;
import dev.eventschema.monitor.model.EventQuery;
import dev.eventschema.monitor.model.FilteredEvents;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.SlotRows;
import dev.eventschema.monitor.model.SlotRows.Slot;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live events table ({@code #eventsTable}): filters by type and model, text search,
 * pause/resume with an "N new" counter, auto-follow of the newest row only while the reader is at the
 * bottom, and the selected event's envelope in a details pane ({@code #eventDetails}).
 *
 * <p>The table's items are {@link SlotRows} slots, which stay where they are while the events move
 * through them (the oldest dropped, the newest appended): a refresh repaints the rows' texts without
 * a layout or a restyle of every row. The selection is of an event, and moves from slot to slot with
 * it.
 */
public final class EventsView extends BorderPane {

  /** Rows per frame above which the table is refreshed at most every {@link #BUSY_PERIOD_NANOS}. */
  static final int BUSY_ROWS = 120;
  /**
   * Rows below which the table keeps no blank slots: a short table (a filter on a rare type)
   * would show them above its rows, and restyling a few rows costs little. A long one keeps them
   * at its top, far above the rows in view, so that its row count settles.
   */
  static final int KEEP_SPARE_SLOTS_FROM = 1_000;
  static final long BUSY_PERIOD_NANOS = 100_000_000L;
  private static final long COUNTS_PERIOD_NANOS = 200_000_000L;

  private final EngineModel model;
  private final Exports exports;
  private final FilteredEvents rows;
  private final SlotRows<StreamMessage.Event> slots;
  private final TableView<Slot<StreamMessage.Event>> table;
  private final EventFilterBar bar;
  private final TailFollower follower;
  private final Label detailsTitle = new Label();
  private final TextArea details = new TextArea();
  /** The event the reader selected, followed from slot to slot as the rows move. */
  private StreamMessage.Event selected;
  /** Set while this view itself moves the table's selection. */
  private boolean movingSelection;
  /** The event the details pane shows. */
  private StreamMessage.Event detailed;
  private long lastApplied;
  private long countsUpdated;

  public EventsView(EngineModel model, List<String> eventTypes, Exports exports) {
    this.model = model;
    this.exports = exports;
    this.rows = new FilteredEvents(model.events());
    this.slots = new SlotRows<>(rows.rows(), SlotRows.Spare.FIRST);
    this.table = new TableView<>(slots.slots());
    getStyleClass().add("events-view");
    bar = new EventFilterBar(eventTypes, model.modelNames(), this::setQuery, this::setPaused);
    setTop(bar);

    table.setId("eventsTable");
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setPlaceholder(new Label("No events yet"));
    table.getColumns().add(column("Time", 100, e -> EngineModel.clock(e.time()), null));
    table.getColumns().add(column("Seq", 60, e -> Long.toString(e.seq()), null));
    table.getColumns().add(column("Type", 150, StreamMessage.Event::type, e -> "type-" + e.type()));
    table.getColumns().add(column("Model", 115, e -> e.model() == null ? "" : e.model(), null));
    table.getColumns().add(column("Generation", 90, e -> e.generationId() == null ? "" : e.generationId(), null));
    table.getColumns().add(column("Summary", 420, StreamMessage.Event::summary, null));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Cells.fixedRows(table, bar.countsLabel(), 0.9);
    Cells.scaleWidths(table, bar.countsLabel(), 0.9);
    table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
      if (!movingSelection) {
        selected = now == null ? null : now.item().getValue();
      }
      showDetails(selected);
    });
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
        showRows(rows.rows().size() < KEEP_SPARE_SLOTS_FROM);
        follower.rowsAppended();
      }
    }
    updateCounts(onScreen, false);
  }

  /**
   * Shows the rows in the slots ({@code fit}: without blank slots, after the rows were replaced) and
   * moves the selection to the slot where the selected event is now.
   */
  private void showRows(boolean fit) {
    movingSelection = true;
    try {
      if (fit) {
        slots.fit();
      } else {
        slots.update();
      }
      int at = selected == null ? -1 : slots.indexOf(selected);
      if (at < 0) {
        selected = null; // no longer kept, or not matching the filter
        table.getSelectionModel().clearSelection();
      } else if (table.getSelectionModel().getSelectedIndex() != at) {
        table.getSelectionModel().select(at);
      }
    } finally {
      movingSelection = false;
    }
  }

  private void setQuery(EventQuery query) {
    rows.setQuery(query);
    showRows(true);
    bar.showNew(rows.newWhilePaused());
    follower.rowsReplaced();
    updateCounts(true, true);
  }

  private void setPaused(boolean paused) {
    if (paused) {
      rows.pause();
    } else {
      rows.resume();
      showRows(true);
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
    if (e == detailed && e != null) {
      return;
    }
    detailed = e;
    if (e == null) {
      detailsTitle.setText("Select an event to see its payload");
      details.clear();
      return;
    }
    detailsTitle.setText("#" + e.seq() + " · " + e.type() + (e.generationId() == null ? "" : " · " + e.generationId())
        + " · " + EngineModel.clock(e.time()));
    details.setText(exports.eventJson(e));
  }

  /** A column showing {@code text} of the event in the row's slot, with the pseudo-class {@code pseudoClass} gives. */
  private static TableColumn<Slot<StreamMessage.Event>, Slot<StreamMessage.Event>> column(String title, double width,
      Function<StreamMessage.Event, String> text, Function<StreamMessage.Event, String> pseudoClass) {
    return StillTextCell.column(title, width, Slot::item, text, pseudoClass);
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
