package dev.eventschema.monitor.view;

import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.OverviewState;
import dev.eventschema.monitor.model.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/** The runtime status, gauges and live charts of one engine. */
public final class OverviewView extends VBox {

  private final EngineModel model;
  private final StatusBadge badge = new StatusBadge();
  private final Label connectionState = new Label();
  private final Label connectionDetail = new Label();
  private final Label connectionNumbers = new Label();
  private final Label schemaNotice = new Label();
  private final Button reconnect = new Button("Re_connect now");
  private final Tile modelsLoaded = new Tile("modelsLoadedTile", "models loaded");
  private final Tile active = new Tile("activeTile", "running");
  private final Tile waiting = new Tile("waitingTile", "waiting");
  private final Tile tokens = new Tile("tokensTile", "tokens generated");
  private final Tile received = new Tile("eventsTile", "events received");
  private final Tile rejections = new Tile("rejectionsTile", "rejections");
  private final Tile missed = new Tile("missedTile", "missed");
  /** Shown only when the engine has a Kafka sink: what it dropped, and what the broker acknowledged. */
  private final Tile kafka = new Tile("kafkaTile", "dropped for Kafka");
  private final List<LiveChart> charts = new ArrayList<>();

  public OverviewView(EngineModel model, Runnable reconnectAction) {
    this.model = model;
    getStyleClass().add("overview");
    setSpacing(12);
    setPadding(new Insets(14));

    badge.setId("statusBadge");
    Label statusCaption = new Label("Runtime status");
    statusCaption.getStyleClass().add("caption");
    VBox statusBox = new VBox(4, statusCaption, badge);

    connectionState.setId("connectionState");
    connectionState.getStyleClass().add("connection-state");
    connectionDetail.setId("connectionDetail");
    connectionDetail.setWrapText(true);
    connectionDetail.getStyleClass().add("connection-detail");
    connectionNumbers.getStyleClass().add("caption");
    reconnect.setOnAction(e -> reconnectAction.run());
    reconnect.setId("reconnectButton");
    Label connectionCaption = new Label("Connection");
    connectionCaption.getStyleClass().add("caption");
    schemaNotice.setId("schemaNotice");
    schemaNotice.setWrapText(true);
    schemaNotice.getStyleClass().add("schema-notice");
    schemaNotice.textProperty().bind(model.schemaNoticeProperty());
    schemaNotice.visibleProperty().bind(model.schemaNoticeProperty().isNotEmpty());
    schemaNotice.managedProperty().bind(schemaNotice.visibleProperty());
    VBox connectionBox = new VBox(4, connectionCaption, new HBox(10, connectionState, reconnect), connectionDetail,
        connectionNumbers, schemaNotice);
    ((HBox) connectionBox.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(connectionBox, Priority.ALWAYS);

    HBox header = new HBox(28, statusBox, connectionBox);
    header.getStyleClass().add("overview-header");

    HBox tiles = new HBox(10, modelsLoaded, active, waiting, tokens, received, rejections, missed, kafka);
    kafka.setVisible(false);
    kafka.managedProperty().bind(kafka.visibleProperty());
    tiles.getStyleClass().add("tiles");
    for (javafx.scene.Node tile : tiles.getChildren()) {
      HBox.setHgrow(tile, Priority.ALWAYS);
      ((Tile) tile).setMaxWidth(Double.MAX_VALUE);
    }

    OverviewState o = model.overview();
    long window = OverviewState.WINDOW_MILLIS;
    LiveChart tokensChart = new LiveChart("Tokens per second", null, window, () -> List.of(o.tokensPerSecond()));
    LiveChart ttftChart = new LiveChart("Time to first token (ms)", null, window, () -> List.of(o.ttftP50(), o.ttftP95()));
    LiveChart eventsChart = new LiveChart("Events per second by type", null, window,
        () -> new ArrayList<TimeSeries>(o.eventsPerSecond().values()));
    LiveChart rejectionsChart = new LiveChart("Rejections per second", null, window,
        () -> List.of(o.rejectionsPerSecond()));
    tokensChart.setId("tokensChart");
    ttftChart.setId("ttftChart");
    eventsChart.setId("eventsChart");
    rejectionsChart.setId("rejectionsChart");
    charts.addAll(List.of(tokensChart, ttftChart, eventsChart, rejectionsChart));
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(10);
    for (int i = 0; i < 2; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(50);
      grid.getColumnConstraints().add(c);
      RowConstraints r = new RowConstraints();
      r.setPercentHeight(50);
      r.setVgrow(Priority.ALWAYS);
      grid.getRowConstraints().add(r);
    }
    grid.add(tokensChart, 0, 0);
    grid.add(ttftChart, 1, 0);
    grid.add(eventsChart, 0, 1);
    grid.add(rejectionsChart, 1, 1);
    VBox.setVgrow(grid, Priority.ALWAYS);
    getChildren().addAll(header, tiles, grid);
  }

  private long numbersUpdated;
  private int nextChart;
  private ConnectionStatus.State shownState;

  /** Brings the view up to date; called once per frame when visible (the numbers ten times a second). */
  public void refresh() {
    OverviewState o = model.overview();
    if (!badge.status().equals(o.statusProperty().get())) {
      badge.setStatus(o.statusProperty().get());
    }
    // at most one chart redrawn per frame: the four change together (once per telemetry snapshot),
    // and four axes and paths laid out in the same pulse make one long frame
    for (int i = 0; i < charts.size(); i++) {
      LiveChart chart = charts.get((nextChart + i) % charts.size());
      if (chart.refresh(o.seriesVersion())) {
        nextChart = (nextChart + i + 1) % charts.size();
        break;
      }
    }
    long now = System.nanoTime();
    if (now - numbersUpdated < 100_000_000L) {
      return;
    }
    numbersUpdated = now;
    ConnectionStatus c = model.connectionProperty().get();
    String state = c.state().label();
    if (c.state() == ConnectionStatus.State.RECONNECTING && c.retryAtMillis() > 0) {
      long seconds = Math.max(0, (c.retryAtMillis() - System.currentTimeMillis() + 999) / 1000);
      state += seconds > 0 ? " in " + seconds + " s (attempt " + c.attempt() + ")" : "…";
    }
    setText(connectionState, state);
    if (c.state() != shownState) { // a style class change re-applies the CSS: only when it changes
      shownState = c.state();
      connectionState.getStyleClass().removeAll("conn-ok", "conn-warn", "conn-bad");
      connectionState.getStyleClass().add(switch (c.state()) {
        case CONNECTED -> "conn-ok";
        case CONNECTING, RECONNECTING -> "conn-warn";
        default -> "conn-bad";
      });
    }
    setText(connectionDetail, c.detail());
    setText(connectionNumbers, "last seq " + Formats.grouped(c.lastSeq()) + " · reconnects " + c.reconnects()
        + " · engine restarts seen " + c.restarts());
    reconnect.setVisible(c.state() != ConnectionStatus.State.CONNECTED);
    modelsLoaded.set(Integer.toString(o.modelsLoadedProperty().get()));
    active.set(Integer.toString(o.runningProperty().get()));
    active.setDetail("generations");
    waiting.setDetail("generations queued");
    waiting.set(Integer.toString(o.waitingProperty().get()));
    tokens.set(Formats.grouped(o.tokensGeneratedProperty().get()));
    received.set(Formats.grouped(model.events().total()));
    received.setDetail(Formats.grouped(model.events().dropped()) + " no longer kept");
    rejections.set(Formats.grouped(model.rejections().totalProperty().get()));
    rejections.setDetail(Formats.grouped(model.rejections().consumerProperty().get()) + " found here");
    missed.set(Formats.grouped(c.missed()));
    missed.setDetail(Formats.grouped(c.reportedDropped()) + " reported dropped");
    long kafkaEmitted = o.kafkaEmittedProperty().get();
    if (kafkaEmitted >= 0) {
      kafka.setVisible(true);
      kafka.set(Formats.grouped(o.kafkaDroppedProperty().get()));
      kafka.setDetail(Formats.grouped(o.kafkaDeliveredProperty().get()) + " of " + Formats.grouped(kafkaEmitted)
          + " delivered");
    }
  }

  private static void setText(Label label, String text) {
    if (!text.equals(label.getText())) {
      label.setText(text);
    }
  }
}
