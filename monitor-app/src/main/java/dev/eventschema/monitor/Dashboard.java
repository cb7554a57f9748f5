package dev.eventschema.monitor;

import dev.eventschema.monitor.client.EngineAddress;
import dev.eventschema.monitor.client.Problems;
import dev.eventschema.monitor.export.DesktopExports;
import dev.eventschema.monitor.export.Exports;
import dev.eventschema.monitor.fleet.EngineFeed;
import dev.eventschema.monitor.fleet.FleetSource;
import dev.eventschema.monitor.fleet.RecordDecoding;
import dev.eventschema.monitor.view.EngineView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The dashboard's window content and controller: one selector chip per engine (and one for the fleet
 * overview when it follows a Kafka topic), the selected engine's views, the status line, and the
 * engines' life cycle (added, selected, closed). The menus
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
  private final EngineChips chips = new EngineChips();
  private final StatusLine statusLine = new StatusLine();
  private final List<EngineSession> sessions = new ArrayList<>();
  private final FrameLoop frames;
  private final Dialogs dialogs;
  private EngineSession selected;
  private FleetSession fleet;
  private int fontSize = DEFAULT_FONT_SIZE;
  private Scene scene;

  /** A dashboard keeping {@code bufferCapacity} events per engine, exporting through save dialogs. */
  public Dashboard(int bufferCapacity) {
    this(bufferCapacity, DesktopExports.withFileChooser());
  }

  public Dashboard(int bufferCapacity, Exports exports) {
    this.bufferCapacity = bufferCapacity;
    this.exports = exports;
    this.frames = new FrameLoop(sessions, () -> selected, () -> {
      if (fleet != null) {
        fleet.pulse(selected == null && content.getChildren().contains(fleet.view()));
      }
    }, fps -> {
      statusLine.framesPerSecond(fps);
      updateStatusLine();
    });
    this.dialogs = new Dialogs(() -> scene, () -> fontSize);
    root.getStyleClass().add("dashboard");
    root.setId("dashboard");
    setFontSize(DEFAULT_FONT_SIZE);

    Label title = new Label("eventschema monitor");
    title.getStyleClass().add("app-title");
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
    statusLine.update(fleet, sessions);
  }

  /** Shows a problem in words in the status line. */
  public void reportProblem(String words) {
    statusLine.problem(words);
    updateStatusLine();
  }

  /** Adds an engine and selects it. */
  public EngineSession addEngine(String name, URI uri, String token, AutoCloseable owned) {
    EngineSession session = add(new EngineSession(uniqueName(name), uri, token, bufferCapacity, owned, exports,
        this::reportProblem));
    select(session);
    return session;
  }

  /**
   * Follows the engines that publish to a Kafka topic: a fleet chip first in the header, selected, and
   * one chip per engine as it is found. One fleet at a time.
   */
  public FleetSession followFleet(FleetSource source, RecordDecoding decoding) {
    if (fleet != null) {
      throw new IllegalStateException("already following " + fleet.consumer().source().where());
    }
    fleet = new FleetSession(source, decoding, this::selectEngine, this::addFleetEngine);
    chips.addFleet("Fleet · " + source.topic(), this::selectFleet);
    fleet.start();
    selectFleet();
    return fleet;
  }

  private EngineSession addFleetEngine(EngineFeed feed) {
    return add(new EngineSession(uniqueName(feed.engineId()), feed, feed.inbox(), bufferCapacity, exports,
        this::reportProblem));
  }

  /** Shows the fleet overview. */
  public void selectFleet() {
    if (fleet != null) {
      selected = null;
      chips.selectFleet();
      content.getChildren().setAll(fleet.view());
    }
  }

  private void selectEngine(String name) {
    sessions.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(this::select);
  }

  private EngineSession add(EngineSession session) {
    sessions.add(session);
    chips.addEngine(session.name(), () -> select(session));
    session.start();
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
      chips.selectEngine(index);
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
    if (selected != null) {
      int index = sessions.indexOf(selected);
      close(selected);
      showNext(index);
    } else if (fleet != null) {
      closeFleet();
    }
  }

  /** Stops following the fleet: its consumer, its chip and its engines. */
  private void closeFleet() {
    for (EngineSession s : List.copyOf(sessions)) {
      if (s.feed() instanceof EngineFeed) {
        close(s);
      }
    }
    fleet.close();
    fleet = null;
    chips.removeFleet();
    showNext(0);
  }

  private void close(EngineSession session) {
    int index = sessions.indexOf(session);
    session.closeInBackground();
    if (fleet != null && session.feed() instanceof EngineFeed) {
      fleet.engineClosed(session.name());
    }
    sessions.remove(index);
    chips.removeEngine(index);
    if (selected == session) {
      selected = null;
    }
  }

  /** After a close: the engine now at {@code index} (or the last), else the fleet, else a placeholder. */
  private void showNext(int index) {
    if (!sessions.isEmpty()) {
      select(sessions.get(Math.min(index, sessions.size() - 1)));
    } else if (fleet != null) {
      selectFleet();
    } else {
      showPlaceholder("No engine. Add one with Engine ▸ Add engine… (Ctrl+N).", false);
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

  /** The fleet followed through Kafka, or null. */
  public FleetSession fleet() {
    return fleet;
  }

  /** Stops the frame loop, the clients, the fleet's consumer and any embedded engine (waiting a little for it). */
  public void shutdown() {
    frames.stop();
    if (fleet != null) {
      fleet.close();
    }
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
