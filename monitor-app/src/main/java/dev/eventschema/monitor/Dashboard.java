package dev.eventschema.monitor;

import dev.eventschema.monitor.client.EngineAddress;
import dev.eventschema.monitor.client.Problems;
import dev.eventschema.monitor.export.DesktopExports;
import dev.eventschema.monitor.export.Exports;
import dev.eventschema.monitor.view.EngineView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The dashboard's window content and controller: one selector chip per engine, the selected
 * engine's views, the status line, and the engines' life cycle (added, selected, closed). The menus
 * are built by {@link DashboardMenus}, the dialogs by {@link Dialogs}, and the per-frame work is
 * {@link FrameLoop}'s.
 */
public final class Dashboard {

  /** The stylesheet of the whole dashboard. */
  public static final String STYLESHEET =
      Dashboard.class.getResource("/dev/eventschema/monitor/view/dashboard.css").toExternalForm();
  static final int DEFAULT_FONT_SIZE = 13;

  private final int bufferCapacity;
  private final Exports exports;
  private final BorderPane root = new BorderPane();
  private final StackPane content = new StackPane();
  private final HBox chips = new HBox(6);
  private final ToggleGroup chipGroup = new ToggleGroup();
  private final Label statusLine = new Label();
  private final List<EngineSession> sessions = new ArrayList<>();
  private final List<ToggleButton> chipButtons = new ArrayList<>();
  private final FrameLoop frames;
  private final Dialogs dialogs;
  private EngineSession selected;
  private int fontSize = DEFAULT_FONT_SIZE;
  private double framesPerSecond;
  private String problem;
  private Scene scene;

  /** A dashboard keeping {@code bufferCapacity} events per engine, exporting through save dialogs. */
  public Dashboard(int bufferCapacity) {
    this(bufferCapacity, DesktopExports.withFileChooser());
  }

  public Dashboard(int bufferCapacity, Exports exports) {
    this.bufferCapacity = bufferCapacity;
    this.exports = exports;
    this.frames = new FrameLoop(sessions, () -> selected, fps -> {
      framesPerSecond = fps;
      updateStatusLine();
    });
    this.dialogs = new Dialogs(() -> scene, () -> fontSize);
    root.getStyleClass().add("dashboard");
    root.setId("dashboard");
    setFontSize(DEFAULT_FONT_SIZE);

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
    root.setTop(new VBox(DashboardMenus.of(this), header));
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
    frames.start();
  }

  public BorderPane root() {
    return root;
  }

  private void updateStatusLine() {
    StringBuilder text = new StringBuilder();
    if (problem != null) {
      text.append(problem).append("   ·   ");
    }
    text.append(String.format(Locale.ROOT, "%.0f frames/s", framesPerSecond));
    for (EngineSession s : sessions) {
      text.append("   ·   ").append(s.name()).append(": ")
          .append(s.feed().status().state().label().toLowerCase(Locale.ROOT));
    }
    statusLine.setText(text.toString());
  }

  /** Shows a problem in words in the status line. */
  public void reportProblem(String words) {
    problem = words;
    updateStatusLine();
  }

  /** Adds an engine and selects it. */
  public EngineSession addEngine(String name, URI uri, String token, AutoCloseable owned) {
    EngineSession session = new EngineSession(uniqueName(name), uri, token, bufferCapacity, owned, exports,
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

  void cycle(int step) {
    if (sessions.size() < 2 || selected == null) {
      return;
    }
    int index = Math.floorMod(sessions.indexOf(selected) + step, sessions.size());
    select(sessions.get(index));
  }

  void reconnectSelected() {
    if (selected != null) {
      selected.feed().reconnectNow();
    }
  }

  void closeSelected() {
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

  void showAddEngine() {
    dialogs.askForEngine().ifPresent(t -> {
      URI uri = EngineAddress.parse(t.address());
      addEngine(Problems.where(uri), uri, t.token(), null);
    });
  }

  void showShortcuts() {
    dialogs.showShortcuts();
  }

  /** Shows an error in words (never a stack trace), without blocking the FX thread. */
  public void showError(String header, String words) {
    reportProblem(words);
    dialogs.showError(header, words);
  }

  /** Sets the base font size (all sizes in the stylesheet are relative to it). */
  public void setFontSize(int size) {
    fontSize = Math.max(10, Math.min(28, size));
    root.setStyle("-fx-font-size: " + fontSize + "px;");
  }

  int fontSize() {
    return fontSize;
  }

  /** Shows a page of the selected engine. */
  public void showPage(EngineView.Page page) {
    withView(v -> v.show(page));
  }

  void withView(Consumer<EngineView> action) {
    if (selected != null) {
      action.accept(selected.view());
    }
  }

  public List<EngineSession> sessions() {
    return List.copyOf(sessions);
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
