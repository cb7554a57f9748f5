package dev.eventschema.monitor.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.EventLog;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.RingList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live events table: filters by type and model, text search, pause/resume with an "N new"
 * counter, auto-follow only while the view is at the bottom, and a details pane.
 *
 * <p>The table shows its own list ({@link #shown()}), a filtered subsequence of the model's capped
 * log, updated once per frame from the events the log appended and dropped in that frame.
 */
public final class EventsView extends BorderPane {

  static final String ALL_TYPES = "All types";
  static final String ALL_MODELS = "All models";
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final EngineModel model;
  private final RingList<StreamMessage.Event> shown;
  private final TableView<StreamMessage.Event> table;
  private final ComboBox<String> typeFilter = new ComboBox<>();
  private final ComboBox<String> modelFilter = new ComboBox<>();
  private final TextField search = new TextField();
  private final ToggleButton pause = new ToggleButton("_Pause");
  private final Button newEvents = new Button();
  private final Label counts = new Label();
  private final Label detailsTitle = new Label("Select an event to see its payload");
  private final TextArea details = new TextArea();
  private final List<StreamMessage.Event> sincePause = new ArrayList<>();
  private List<StreamMessage.Event> frozen;
  private Predicate<StreamMessage.Event> filter = e -> true;
  private long newCount;
  private VirtualFlow<?> flow;

  public EventsView(EngineModel model, List<String> eventTypes) {
    this.model = model;
    this.shown = new RingList<>(model.events().capacity());
    this.table = new TableView<>(shown);
    getStyleClass().add("events-view");

    typeFilter.getItems().add(ALL_TYPES);
    typeFilter.getItems().addAll(eventTypes);
    typeFilter.setValue(ALL_TYPES);
    typeFilter.setId("typeFilter");
    modelFilter.getItems().add(ALL_MODELS);
    modelFilter.setValue(ALL_MODELS);
    modelFilter.setId("modelFilter");
    model.modelNames().addListener((ListChangeListener<String>) change -> {
      String selected = modelFilter.getValue();
      List<String> items = new ArrayList<>();
      items.add(ALL_MODELS);
      items.addAll(model.modelNames());
      modelFilter.getItems().setAll(items);
      modelFilter.setValue(selected);
    });
    search.setPromptText("Search (Ctrl+F)");
    search.setId("search");
    search.setPrefColumnCount(22);
    typeFilter.valueProperty().addListener((o, a, b) -> rebuild());
    modelFilter.valueProperty().addListener((o, a, b) -> rebuild());
    search.textProperty().addListener((o, a, b) -> rebuild());
    pause.setId("pauseButton");
    pause.setMnemonicParsing(true);
    pause.selectedProperty().addListener((o, was, paused) -> setPaused(paused));
    newEvents.setId("newEvents");
    newEvents.getStyleClass().add("new-events");
    newEvents.setVisible(false);
    newEvents.setManaged(false);
    newEvents.setOnAction(e -> pause.setSelected(false));
    counts.setId("eventCounts");
    counts.getStyleClass().add("caption");
    Label typeLabel = new Label("_Type");
    typeLabel.setMnemonicParsing(true);
    typeLabel.setLabelFor(typeFilter);
    Label modelLabel = new Label("_Model");
    modelLabel.setMnemonicParsing(true);
    modelLabel.setLabelFor(modelFilter);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    ToolBar bar = new ToolBar(typeLabel, typeFilter, modelLabel, modelFilter, search, pause, newEvents, spacer, counts);
    setTop(bar);

    table.setId("eventsTable");
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setPlaceholder(new Label("No events yet"));
    table.getColumns().add(Cells.text("Time", 100, e -> EngineModel.clock(e.time())));
    table.getColumns().add(Cells.text("Seq", 60, e -> Long.toString(e.seq())));
    table.getColumns().add(Cells.styled("Type", 150, StreamMessage.Event::type, t -> "type-" + t));
    table.getColumns().add(Cells.text("Model", 115, e -> e.model() == null ? "" : e.model()));
    table.getColumns().add(Cells.text("Generation", 90, e -> e.generationId() == null ? "" : e.generationId()));
    TableColumn<StreamMessage.Event, String> summary = Cells.text("Summary", 420, StreamMessage.Event::summary);
    table.getColumns().add(summary);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Cells.fixedRows(table, counts, 0.9);
    Cells.scaleWidths(table, counts, 0.9);
    table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> showDetails(e));

    details.setEditable(false);
    details.setId("eventDetails");
    details.getStyleClass().add("mono");
    detailsTitle.getStyleClass().add("section-title");
    detailsTitle.setWrapText(true);
    VBox detailsPane = new VBox(6, detailsTitle, details);
    detailsPane.getStyleClass().add("details-pane");
    VBox.setVgrow(details, Priority.ALWAYS);
    SplitPane split = new SplitPane(table, detailsPane);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.7);
    // the reader's own moves away from the end stop the following at once
    table.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
      if (e.getDeltaY() > 0) {
        stopFollowing();
      }
    });
    table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
      switch (e.getCode()) {
        case UP, PAGE_UP, HOME -> stopFollowing();
        default -> {
          // other keys do not move the view up
        }
      }
    });
    table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getTarget() instanceof javafx.scene.Node node && isInScrollBar(node)) {
        stopFollowing();
      }
    });
    table.fixedCellSizeProperty().addListener((o, a, b) -> {
      if (following) {
        scrollsPending = SCROLL_ATTEMPTS; // new row height: find the end again
      }
    });
    sceneProperty().addListener((o, was, scene) -> {
      if (was != null) {
        was.removePostLayoutPulseListener(afterLayout);
      }
      if (scene != null) {
        scene.addPostLayoutPulseListener(afterLayout);
      }
    });
    setCenter(split);
  }

  /** Rows per frame above which the table is refreshed at most every {@link #BUSY_PERIOD_NANOS}. */
  static final int BUSY_ROWS = 120;
  static final long BUSY_PERIOD_NANOS = 100_000_000L;

  private final List<StreamMessage.Event> pendingAppended = new ArrayList<>();
  private final List<StreamMessage.Event> pendingDropped = new ArrayList<>();
  private boolean needsRebuild;
  private long lastApplied;
  /** Whether the table follows the newest row: true until the user scrolls away from the bottom. */
  private boolean following = true;
  private int scrollsPending;
  private final Runnable afterLayout = this::afterLayout;
  private boolean wasOnScreen;
  private static final int SCROLL_ATTEMPTS = 30;

  /**
   * Takes the frame's appended and dropped events; called once per frame. The table is brought up
   * to date at once when the view is on screen and rows arrive slowly; when they stream faster than
   * anyone can read ({@link #BUSY_ROWS} per frame), at most ten times a second; when it is hidden,
   * when it is shown again.
   */
  public void refresh(boolean onScreen) {
    EventLog log = model.events();
    List<StreamMessage.Event> appended = log.lastAppended();
    if (frozen != null) {
      if (!appended.isEmpty()) {
        sincePause.addAll(appended);
        int overflow = sincePause.size() - log.capacity();
        if (overflow > 0) {
          sincePause.subList(0, overflow).clear();
        }
        for (StreamMessage.Event e : appended) {
          if (filter.test(e)) {
            newCount++;
          }
        }
        updateNewButton();
      }
      updateCounts(onScreen);
      return;
    }
    if (!needsRebuild) {
      pendingAppended.addAll(appended);
      pendingDropped.addAll(log.lastDropped());
      if (pendingAppended.size() > log.capacity() || pendingDropped.size() > log.capacity()) {
        needsRebuild = true;
        pendingAppended.clear();
        pendingDropped.clear();
      }
    }
    long now = System.nanoTime();
    boolean pending = needsRebuild || !pendingAppended.isEmpty() || !pendingDropped.isEmpty();
    if (onScreen && !wasOnScreen && following) {
      scrollsPending = SCROLL_ATTEMPTS; // just shown: its flow has to catch up first
    }
    wasOnScreen = onScreen;
    if (onScreen && scrollsPending == 0 && flowInSync()) {
      following = atBottom(); // the reader scrolled up, or back down
    }
    if (onScreen && pending && (appended.size() <= BUSY_ROWS || now - lastApplied >= BUSY_PERIOD_NANOS)) {
      lastApplied = now;
      if (needsRebuild) {
        needsRebuild = false;
        rebuild();
      } else {
        removeDropped(pendingDropped);
        int retained = Math.min(pendingAppended.size(), log.items().size());
        List<StreamMessage.Event> matching = new ArrayList<>(retained);
        for (int i = pendingAppended.size() - retained; i < pendingAppended.size(); i++) {
          StreamMessage.Event e = pendingAppended.get(i);
          if (filter.test(e)) {
            matching.add(e);
          }
        }
        shown.append(matching);
      }
      pendingAppended.clear();
      pendingDropped.clear();
      if (following) {
        scrollsPending = Math.max(scrollsPending, 3);
      }
    }
    updateCounts(onScreen);
  }

  /**
   * After the layout pass (when the flow knows how many rows there are): shows the last row at the
   * bottom of the viewport while following. Retried for a few pulses after the table was shown.
   */
  private void afterLayout() {
    if (scrollsPending == 0) {
      return;
    }
    if (!following || shown.isEmpty()) {
      scrollsPending = 0;
      return;
    }
    if (flowInSync()) {
      flow.setPosition(1.0); // the very end: the last row at the bottom of the viewport
      if (atBottom()) {
        scrollsPending = 0;
        return;
      }
    }
    scrollsPending--;
  }

  private boolean flowInSync() {
    if (flow == null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
      flow = found;
    }
    return flow != null && flow.getCellCount() == shown.size() && flow.getHeight() > 0;
  }

  private void removeDropped(List<StreamMessage.Event> dropped) {
    if (dropped.isEmpty() || shown.isEmpty()) {
      return;
    }
    int i = 0;
    int j = 0;
    while (i < shown.size() && j < dropped.size()) {
      if (shown.get(i) == dropped.get(j)) {
        i++;
      }
      j++;
    }
    if (i > 0) {
      shown.removeHead(i);
    }
  }

  private void stopFollowing() {
    following = false;
    scrollsPending = 0;
  }

  private static boolean isInScrollBar(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (n instanceof javafx.scene.control.ScrollBar) {
        return true;
      }
    }
    return false;
  }

  /** Whether the table shows its last row (or has none). */
  private boolean atBottom() {
    int count = shown.size();
    if (count == 0) {
      return true;
    }
    if (flow == null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
      flow = found;
    }
    if (flow == null || flow.getCellCount() != count || flow.getHeight() <= 0) {
      return false; // not laid out with these rows yet
    }
    double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
    return flow.getPosition() >= 0.999 || count * rowHeight <= flow.getHeight();
  }

  private void setPaused(boolean paused) {
    pause.setText(paused ? "_Resume" : "_Pause");
    if (paused) {
      frozen = new ArrayList<>(model.events().items());
      sincePause.clear();
      newCount = 0;
    } else {
      frozen = null;
      sincePause.clear();
      newCount = 0;
      rebuild();
      following = true;
      scrollsPending = SCROLL_ATTEMPTS;
    }
    updateNewButton();
  }

  private void rebuild() {
    filter = predicate();
    pendingAppended.clear();
    pendingDropped.clear();
    needsRebuild = false;
    List<StreamMessage.Event> source = frozen != null ? frozen : model.events().items();
    List<StreamMessage.Event> matching = new ArrayList<>();
    for (StreamMessage.Event e : source) {
      if (filter.test(e)) {
        matching.add(e);
      }
    }
    StreamMessage.Event selected = table.getSelectionModel().getSelectedItem();
    shown.replaceAll(matching);
    if (selected != null && matching.contains(selected)) {
      table.getSelectionModel().select(selected);
    }
    if (frozen != null) {
      newCount = sincePause.stream().filter(filter).count();
      updateNewButton();
    }
    if (following) {
      scrollsPending = SCROLL_ATTEMPTS;
    }
    countsUpdated = 0;
    updateCounts(true);
  }

  private Predicate<StreamMessage.Event> predicate() {
    String type = typeFilter.getValue();
    String modelName = modelFilter.getValue();
    String text = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
    Predicate<StreamMessage.Event> p = e -> true;
    if (type != null && !ALL_TYPES.equals(type)) {
      p = p.and(e -> type.equals(e.type()));
    }
    if (modelName != null && !ALL_MODELS.equals(modelName)) {
      p = p.and(e -> modelName.equals(e.model()));
    }
    if (!text.isEmpty()) {
      p = p.and(e -> matches(e, text));
    }
    return p;
  }

  private static boolean matches(StreamMessage.Event e, String text) {
    return contains(e.summary(), text) || contains(e.type(), text) || contains(e.model(), text)
        || contains(e.generationId(), text) || Long.toString(e.seq()).equals(text);
  }

  private static boolean contains(String haystack, String lowerNeedle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }

  private void updateNewButton() {
    boolean visible = frozen != null && newCount > 0;
    newEvents.setText(Formats.grouped(newCount) + " new");
    newEvents.setVisible(visible);
    newEvents.setManaged(visible);
  }

  private long countsUpdated;

  private void updateCounts(boolean onScreen) {
    long now = System.nanoTime();
    if (!onScreen || now - countsUpdated < 200_000_000L) {
      return;
    }
    countsUpdated = now;
    EventLog log = model.events();
    String text = "Showing " + Formats.grouped(shown.size()) + " of " + Formats.grouped(log.items().size())
        + " kept (cap " + Formats.grouped(log.capacity()) + ") · " + Formats.grouped(log.dropped()) + " dropped";
    if (!text.equals(counts.getText())) {
      counts.setText(text);
    }
  }

  private void showDetails(StreamMessage.Event e) {
    if (e == null) {
      detailsTitle.setText("Select an event to see its payload");
      details.clear();
      return;
    }
    detailsTitle.setText("#" + e.seq() + " · " + e.type() + (e.generationId() == null ? "" : " · " + e.generationId())
        + " · " + EngineModel.clock(e.time()));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("seq", e.seq());
    envelope.put("time", e.time().toString());
    envelope.put("type", e.type());
    if (e.generationId() != null) {
      envelope.put("generationId", e.generationId());
    }
    envelope.put("payload", e.payload());
    try {
      details.setText(PRETTY.writeValueAsString(envelope));
    } catch (JsonProcessingException ex) {
      details.setText(String.valueOf(e.payload()));
    }
  }

  /** Toggles pause (for the menu's accelerator). */
  public void togglePause() {
    pause.setSelected(!pause.isSelected());
  }

  /** Moves the keyboard focus to the search field. */
  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  /** Scrolls to the newest event and follows again. */
  public void jumpToNewest() {
    following = true;
    scrollsPending = SCROLL_ATTEMPTS;
  }

  /** Whether the table follows the newest row, and whether its last row is on screen (for tests). */
  public boolean isFollowing() {
    return following;
  }

  /** The follow state in words (for test diagnostics). */
  public String followState() {
    return "following=" + following + " pending=" + scrollsPending + " inSync=" + flowInSync() + " atBottom="
        + atBottom() + " rows=" + shown.size() + (flow == null ? "" : " position=" + flow.getPosition()
        + " cells=" + flow.getCellCount());
  }

  /** Whether the last row is on screen. */
  public boolean showsLastRow() {
    return atBottom();
  }

  public boolean isPaused() {
    return frozen != null;
  }

  public ObservableList<StreamMessage.Event> shown() {
    return shown;
  }

  public TableView<StreamMessage.Event> table() {
    return table;
  }

  public long newCount() {
    return newCount;
  }
}
