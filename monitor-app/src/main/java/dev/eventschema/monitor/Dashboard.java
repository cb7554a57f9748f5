package dev.eventschema.monitor;

import dev.eventschema.monitor.client.Problems;
import dev.eventschema.monitor.view.AddEngineDialog;
import dev.eventschema.monitor.view.EngineView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The dashboard's window content and controller: one selector chip per engine, the selected
 * engine's views, the menus with their accelerators, and the frame loop that drains every engine's
 * inbox once per frame.
 */
public final class Dashboard {

  /** The stylesheet of the whole dashboard. */
  public static final String STYLESHEET =
      Dashboard.class.getResource("/dev/eventschema/monitor/view/dashboard.css").toExternalForm();
  static final int DEFAULT_FONT_SIZE = 13;

  private final int bufferCapacity;
  private final BorderPane root = new BorderPane();
  private final StackPane content = new StackPane();
  private final HBox chips = new HBox(6);
  private final ToggleGroup chipGroup = new ToggleGroup();
  private final Label statusLine = new Label();
  private final List<EngineSession> sessions = new ArrayList<>();
  private final List<ToggleButton> chipButtons = new ArrayList<>();
  private final PulseStats pulses = new PulseStats(1 << 16);
  private EngineSession selected;
  private int fontSize = DEFAULT_FONT_SIZE;
  private long framesSinceStatus;
  private long statusStamp;
  private Scene scene;
  private final AnimationTimer frames = new AnimationTimer() {
    @Override
    public void handle(long now) {
      pulse();
    }
  };

  public Dashboard(int bufferCapacity) {
    this.bufferCapacity = bufferCapacity;
    root.getStyleClass().add("dashboard");
    root.setStyle("-fx-font-size: " + fontSize + "px;");
    root.setId("dashboard");

    Label title = new Label("eventschema monitor");
    title.getStyleClass().add("app-title");
    chips.getStyleClass().add("engine-chips");
    chips.setAlignment(Pos.CENTER_LEFT);
    Button add = new Button("_Add engine…");
    add.setId("addEngine");
    add.setOnAction(e -> showAddEngine());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(14, title, chips, spacer, add);
    header.getStyleClass().add("header");
    header.setAlignment(Pos.CENTER_LEFT);
    root.setTop(new VBox(menus(), header));
    content.getStyleClass().add("content");
    root.setCenter(content);
    statusLine.getStyleClass().add("status-line");
    statusLine.setId("statusLine");
    statusLine.setMaxWidth(Double.MAX_VALUE);
    root.setBottom(statusLine);
    showPlaceholder("No engine yet. Add one with Engine ▸ Add engine… (Ctrl+N).", false);
  }

  /** Puts the dashboard into {@code scene} (with the stylesheet) and starts the frame loop. */
  public void attach(Scene target) {
    this.scene = target;
    target.getStylesheets().add(STYLESHEET);
    target.addPostLayoutPulseListener(() -> pulses.layoutDone(System.nanoTime()));
    frames.start();
  }

  public BorderPane root() {
    return root;
  }

  private MenuBar menus() {
    Menu engine = new Menu("_Engine");
    engine.getItems().addAll(
        item("_Add engine…", "Shortcut+N", this::showAddEngine),
        item("_Reconnect now", "Shortcut+R", () -> current().ifPresent(s -> s.client().reconnectNow())),
        item("_Next engine", "Shortcut+PAGE_DOWN", () -> cycle(1)),
        item("_Previous engine", "Shortcut+PAGE_UP", () -> cycle(-1)),
        item("_Close engine", "Shortcut+W", this::closeSelected),
        new SeparatorMenuItem(),
        item("_Quit", "Shortcut+Q", Platform::exit));
    Menu view = new Menu("_View");
    String[] pages = {"_Overview", "_Events", "_Generations", "_Models", "_Rejected payloads"};
    for (EngineView.Page page : EngineView.Page.values()) {
      view.getItems().add(item(pages[page.ordinal()], "Shortcut+" + (page.ordinal() + 1), () -> showPage(page)));
    }
    view.getItems().addAll(new SeparatorMenuItem(),
        item("_Larger text", "Shortcut+EQUALS", () -> setFontSize(fontSize + 2)),
        item("_Smaller text", "Shortcut+MINUS", () -> setFontSize(fontSize - 2)),
        item("_Normal text", "Shortcut+0", () -> setFontSize(DEFAULT_FONT_SIZE)));
    Menu events = new Menu("E_vents");
    events.getItems().addAll(
        item("_Pause or resume", "Shortcut+P", () -> withView(v -> {
          v.show(EngineView.Page.EVENTS);
          v.events().togglePause();
        })),
        item("_Find…", "Shortcut+F", () -> withView(v -> {
          v.show(EngineView.Page.EVENTS);
          v.events().focusSearch();
        })),
        item("_Jump to newest", "Shortcut+END", () -> withView(v -> v.events().jumpToNewest())));
    Menu rejections = new Menu("_Rejections");
    rejections.getItems().addAll(
        item("_Copy as JSON", "Shortcut+Shift+C", () -> withView(v -> v.rejections().copySelected())),
        item("_Export selected…", "Shortcut+E", () -> withView(v -> v.rejections().export(false))),
        item("Export _all…", "Shortcut+Shift+E", () -> withView(v -> v.rejections().export(true))));
    Menu help = new Menu("_Help");
    help.getItems().add(item("_Keyboard shortcuts", "F1", this::showShortcuts));
    MenuBar bar = new MenuBar(engine, view, events, rejections, help);
    bar.setId("menuBar");
    return bar;
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setMnemonicParsing(true);
    item.setAccelerator(KeyCombination.keyCombination(accelerator));
    item.setOnAction(e -> action.run());
    return item;
  }

  /** One frame: every engine's inbox drained once, its model and views updated. */
  void pulse() {
    long start = System.nanoTime();
    pulses.frameStarted(start);
    int drained = 0;
    for (EngineSession session : sessions) {
      drained += session.pulse(session == selected);
    }
    pulses.handlerDone(System.nanoTime(), drained);
    framesSinceStatus++;
    if (start - statusStamp > 1_000_000_000L) {
      double fps = framesSinceStatus * 1e9 / (start - statusStamp);
      statusStamp = start;
      framesSinceStatus = 0;
      updateStatusLine(fps);
    }
  }

  private String problem;

  private void updateStatusLine(double fps) {
    StringBuilder text = new StringBuilder();
    if (problem != null) {
      text.append(problem).append("   ·   ");
    }
    text.append(String.format(Locale.ROOT, "%.0f frames/s", fps));
    for (EngineSession s : sessions) {
      text.append("   ·   ").append(s.name()).append(": ").append(s.client().status().state().label().toLowerCase(
          Locale.ROOT));
    }
    statusLine.setText(text.toString());
  }

  /** Shows a problem in words in the status line. */
  public void reportProblem(String words) {
    problem = words;
    updateStatusLine(0);
  }

  /** Adds an engine and selects it. */
  public EngineSession addEngine(String name, URI uri, String token, AutoCloseable owned) {
    EngineSession session = new EngineSession(uniqueName(name), uri, token, bufferCapacity, owned,
        this::reportProblem);
    sessions.add(session);
    ToggleButton chip = new ToggleButton(session.name());
    chip.setToggleGroup(chipGroup);
    chip.getStyleClass().add("engine-chip");
    chip.setId("engine-" + sessions.size());
    chip.setOnAction(e -> select(session));
    chipButtons.add(chip);
    chips.getChildren().add(chip);
    session.start();
    select(session);
    return session;
  }

  private String uniqueName(String name) {
    String candidate = name;
    for (int n = 2; ; n++) {
      String c = candidate;
      if (sessions.stream().noneMatch(s -> s.name().equals(c))) {
        return candidate;
      }
      candidate = name + " (" + n + ")";
    }
  }

  /** Starts the embedded demo engine off the FX thread, then shows it. */
  public void startEmbeddedDemo(double faultRate) {
    showPlaceholder("Starting the embedded demo engine…", true);
    Thread starter = new Thread(() -> {
      try {
        EmbeddedDemo demo = EmbeddedDemo.start(faultRate);
        Platform.runLater(() -> addEngine("embedded demo", demo.baseUri(), null, demo));
      } catch (Throwable e) {
        String words = explainStartFailure(e);
        Platform.runLater(() -> {
          showPlaceholder(words + " Add a running engine with Engine ▸ Add engine… (Ctrl+N).", false);
          showError("The embedded engine did not start", words);
        });
      }
    }, "embedded-engine-start");
    starter.setDaemon(true);
    starter.start();
  }

  static String explainStartFailure(Throwable cause) {
    String message = cause.getMessage();
    return "The embedded demo engine could not start" + (message == null || message.isBlank() ? "."
        : ": " + message.strip() + (message.strip().endsWith(".") ? "" : "."));
  }

  /** Selects an engine's views. */
  public void select(EngineSession session) {
    selected = session;
    int index = sessions.indexOf(session);
    if (index >= 0) {
      chipButtons.get(index).setSelected(true);
      content.getChildren().setAll(session.view());
    }
  }

  private void cycle(int step) {
    if (sessions.size() < 2 || selected == null) {
      return;
    }
    int index = Math.floorMod(sessions.indexOf(selected) + step, sessions.size());
    select(sessions.get(index));
  }

  private void closeSelected() {
    if (selected == null) {
      return;
    }
    int index = sessions.indexOf(selected);
    selected.closeInBackground();
    sessions.remove(index);
    chips.getChildren().remove(chipButtons.remove(index));
    selected = null;
    if (sessions.isEmpty()) {
      showPlaceholder("No engine. Add one with Engine ▸ Add engine… (Ctrl+N).", false);
    } else {
      select(sessions.get(Math.min(index, sessions.size() - 1)));
    }
  }

  private void showPlaceholder(String text, boolean busy) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().add("placeholder");
    label.setId("placeholder");
    VBox box = new VBox(12);
    box.setAlignment(Pos.CENTER);
    if (busy) {
      box.getChildren().add(new ProgressIndicator());
    }
    box.getChildren().add(label);
    content.getChildren().setAll(box);
  }

  private void showAddEngine() {
    AddEngineDialog dialog = new AddEngineDialog(scene == null ? null : scene.getWindow(), STYLESHEET);
    dialog.getDialogPane().setStyle("-fx-font-size: " + fontSize + "px;");
    dialog.showAndWait().ifPresent(t -> addEngine(Problems.where(t.uri()), t.uri(), t.token(), null));
  }

  private void showShortcuts() {
    Alert alert = new Alert(Alert.AlertType.INFORMATION, """
        Ctrl+1 … Ctrl+5   Overview, Events, Generations, Models, Rejected payloads
        Ctrl+N            add an engine;  Ctrl+PgDn / Ctrl+PgUp  next / previous engine
        Ctrl+R            reconnect now;  Ctrl+W  close the engine's tab
        Ctrl+P            pause or resume the events table
        Ctrl+F            search the events;  Ctrl+End  jump to the newest event
        Ctrl+Shift+C      copy the selected rejection as JSON
        Ctrl+E / Ctrl+Shift+E   export the selected / all rejections
        Ctrl+= / Ctrl+- / Ctrl+0   larger, smaller, normal text
        Alt+letter        the underlined letter of a button or menu""", ButtonType.OK);
    alert.setTitle("Keyboard shortcuts");
    alert.setHeaderText("Keyboard shortcuts");
    style(alert);
    if (alert.getDialogPane().lookup(".content") != null) {
      alert.getDialogPane().lookup(".content").getStyleClass().add("mono");
    }
    alert.show();
  }

  /** Shows an error in words (never a stack trace), without blocking the FX thread. */
  public void showError(String header, String words) {
    reportProblem(words);
    Alert alert = new Alert(Alert.AlertType.ERROR, words, ButtonType.OK);
    alert.setTitle("eventschema monitor");
    alert.setHeaderText(header);
    style(alert);
    alert.show();
  }

  private void style(Alert alert) {
    if (scene != null && scene.getWindow() != null) {
      alert.initOwner(scene.getWindow());
    }
    alert.getDialogPane().getStylesheets().add(STYLESHEET);
    alert.getDialogPane().setStyle("-fx-font-size: " + fontSize + "px;");
  }

  /** Sets the base font size (all sizes in the stylesheet are relative to it). */
  public void setFontSize(int size) {
    fontSize = Math.max(10, Math.min(28, size));
    root.setStyle("-fx-font-size: " + fontSize + "px;");
  }

  public int fontSize() {
    return fontSize;
  }

  /** Shows a page of the selected engine. */
  public void showPage(EngineView.Page page) {
    withView(v -> v.show(page));
  }

  private void withView(java.util.function.Consumer<EngineView> action) {
    current().ifPresent(s -> action.accept(s.view()));
  }

  private Optional<EngineSession> current() {
    return Optional.ofNullable(selected);
  }

  public List<EngineSession> sessions() {
    return List.copyOf(sessions);
  }

  public EngineSession selected() {
    return selected;
  }

  public PulseStats pulses() {
    return pulses;
  }

  /** Stops the frame loop, the clients and any embedded engine (waiting a little for it). */
  public void shutdown() {
    frames.stop();
    List<Thread> closers = new ArrayList<>();
    for (EngineSession s : sessions) {
      Thread t = s.closeInBackground();
      if (t != null) {
        closers.add(t);
      }
    }
    sessions.clear();
    for (Thread t : closers) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
