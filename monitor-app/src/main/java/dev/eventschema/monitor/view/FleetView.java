package dev.eventschema.monitor.view;

import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.fleet.FleetStatus;
import dev.eventschema.monitor.model.FleetEngineRow;
import dev.eventschema.monitor.model.FleetModel;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.OverviewState;
import java.util.List;
import javafx.beans.binding.Bindings;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The fleet overview: the Kafka consumer's state, the fleet's totals, one row per engine found in the
 * topic (double-click or Enter opens the engine's own views) and the events per second of each engine.
 */
public final class FleetView extends VBox {

  private final FleetModel model;
  private final Label title = new Label();
  private final Label connectionState = new Label();
  private final Label connectionDetail = new Label();
  private final Label consumerNumbers = new Label();
  private final Button reconnect = new Button("Re_connect now");
  private final Tile engines = new Tile("fleetEnginesTile", "engines");
  private final Tile rate = new Tile("fleetRateTile", "events/s");
  private final Tile events = new Tile("fleetEventsTile", "events received");
  private final Tile rejections = new Tile("fleetRejectionsTile", "rejections published");
  private final Tile foundHere = new Tile("fleetFoundHereTile", "rejected by this dashboard");
  private final Tile dropped = new Tile("fleetDroppedTile", "dropped by Kafka sinks");
  private final Tile lag = new Tile("fleetLagTile", "records not read yet");
  private final TableView<FleetEngineRow> table;
  private final LiveChart chart;
  private ConnectionStatus.State shownState;
  private long numbersUpdated;

  /**
   * @param open shows the views of the engine with this id
   * @param reconnectAction asks the consumer to check on the brokers now
   */
  public FleetView(FleetModel model, String where, Consumer<String> open, Runnable reconnectAction) {
    this.model = model;
    getStyleClass().add("fleet-view");
    setId("fleetView");
    setSpacing(12);
    setPadding(new Insets(14));

    title.setText("Fleet · " + where);
    title.getStyleClass().add("fleet-title");
    connectionState.setId("fleetConnectionState");
    connectionState.getStyleClass().add("connection-state");
    connectionDetail.setId("fleetConnectionDetail");
    connectionDetail.setWrapText(true);
    connectionDetail.getStyleClass().add("connection-detail");
    consumerNumbers.setId("fleetConsumerNumbers");
    consumerNumbers.getStyleClass().add("caption");
    reconnect.setId("fleetReconnectButton");
    reconnect.setOnAction(e -> reconnectAction.run());
    HBox stateLine = new HBox(10, connectionState, reconnect);
    stateLine.setAlignment(Pos.CENTER_LEFT);
    VBox header = new VBox(4, title, stateLine, connectionDetail, consumerNumbers);
    header.getStyleClass().add("overview-header");

    HBox tiles = new HBox(10, engines, rate, events, rejections, foundHere, dropped, lag);
    tiles.getStyleClass().add("tiles");
    for (javafx.scene.Node tile : tiles.getChildren()) {
      HBox.setHgrow(tile, Priority.ALWAYS);
      ((Tile) tile).setMaxWidth(Double.MAX_VALUE);
    }

    table = new TableView<>(model.rows());
    table.setId("fleetTable");
    table.getStyleClass().add("fleet-table");
    table.setPlaceholder(new Label("No engine found in the topic yet: engines appear with their first record."));
    table.getColumns().addAll(List.of(
        Cells.text("Engine", 170, FleetEngineRow::engineId),
        status(),
        number("Events/s", 90, r -> r.eventsPerSecondProperty().asObject(), v -> Formats.decimal(v)),
        number("Events", 100, r -> r.eventsProperty().asObject(), Formats::grouped),
        number("Rejections", 90, r -> r.rejectionsProperty().asObject(), Formats::grouped),
        number("Rejected here", 100, r -> r.foundHereProperty().asObject(), Formats::grouped),
        number("Kafka drops", 90, r -> r.kafkaDroppedProperty().asObject(), n -> n < 0 ? "–" : Formats.grouped(n)),
        number("Models", 70, r -> r.modelsLoadedProperty().asObject(), n -> Integer.toString(n)),
        number("Running", 70, r -> r.runningProperty().asObject(), n -> Integer.toString(n)),
        number("Tokens/s", 80, r -> r.tokensPerSecondProperty().asObject(), Formats::decimal),
        Cells.bound("Last record", 100, r -> r.silentSecondsProperty().asObject(), FleetView::ago)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Cells.fixedRows(table, title, 1.25);
    table.setRowFactory(t -> {
      TableRow<FleetEngineRow> row = new TableRow<>();
      row.setOnMouseClicked(e -> {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
          open.accept(row.getItem().engineId());
        }
      });
      return row;
    });
    table.setOnKeyPressed(e -> {
      FleetEngineRow selected = table.getSelectionModel().getSelectedItem();
      if (e.getCode() == KeyCode.ENTER && selected != null) {
        open.accept(selected.engineId());
      }
    });

    // as tall as its rows (3 to 10 of them, then it scrolls): the chart takes the rest
    table.prefHeightProperty().bind(Bindings.createDoubleBinding(
        () -> (Math.min(10, Math.max(3, model.rows().size())) + 1.2) * table.getFixedCellSize() + 2,
        model.rows(), table.fixedCellSizeProperty()));
    table.setMinHeight(Region.USE_PREF_SIZE);
    chart = new LiveChart("Events per second by engine", null, OverviewState.WINDOW_MILLIS,
        model::eventsPerSecondByEngine);
    chart.setId("fleetChart");
    VBox.setVgrow(chart, Priority.ALWAYS);
    getChildren().addAll(header, tiles, table, chart);
  }

  private static TableColumn<FleetEngineRow, String> status() {
    TableColumn<FleetEngineRow, String> column = Cells.styled("Status", 90, r -> r.statusProperty().get(),
        s -> "fleet-" + s);
    column.setCellValueFactory(c -> c.getValue().statusProperty());
    return column;
  }

  private static <T> TableColumn<FleetEngineRow, T> number(String title, double width,
      java.util.function.Function<FleetEngineRow, javafx.beans.value.ObservableValue<T>> value,
      java.util.function.Function<T, String> format) {
    TableColumn<FleetEngineRow, T> column = Cells.bound(title, width, value, format);
    column.getStyleClass().add("number-column");
    return column;
  }

  private static String times(long n) {
    return n == 0 ? "never" : n == 1 ? "once" : Formats.grouped(n) + " times";
  }

  private static String ago(long seconds) {
    return seconds < 0 ? "–" : seconds < 2 ? "now" : Formats.grouped(seconds) + " s ago";
  }

  /** Brings the header, tiles and chart up to date; once per frame while on screen. */
  public void refresh() {
    chart.refresh(model.seriesVersion());
    long now = System.nanoTime();
    if (now - numbersUpdated < 100_000_000L) {
      return;
    }
    numbersUpdated = now;
    FleetStatus s = model.statusProperty().get();
    setText(connectionState, s.state().label());
    if (s.state() != shownState) { // a style class change re-applies the CSS: only when it changes
      shownState = s.state();
      connectionState.getStyleClass().removeAll("conn-ok", "conn-warn", "conn-bad");
      connectionState.getStyleClass().add(switch (s.state()) {
        case CONNECTED -> "conn-ok";
        case CONNECTING, RECONNECTING -> "conn-warn";
        default -> "conn-bad";
      });
    }
    setText(connectionDetail, s.detail());
    setText(consumerNumbers, Formats.grouped(s.records()) + " records consumed · paused for the screen to catch up: "
        + times(s.pauses())
        + (s.beyondLimit() > 0 ? " · " + Formats.grouped(s.beyondLimit()) + " records of engines beyond the limit"
            + " not shown" : "")
        + " · the broker came back: " + times(s.reconnects()));
    reconnect.setVisible(s.state() != ConnectionStatus.State.CONNECTED);
    engines.set(Integer.toString(model.rows().size()));
    rate.set(Formats.grouped(Math.round(model.eventsPerSecondProperty().get())));
    events.set(Formats.grouped(model.eventsProperty().get()));
    rejections.set(Formats.grouped(model.rejectionsProperty().get()));
    foundHere.set(Formats.grouped(model.foundHereProperty().get()));
    long kafkaDropped = model.kafkaDroppedProperty().get();
    dropped.set(kafkaDropped < 0 ? "–" : Formats.grouped(kafkaDropped));
    dropped.setDetail(kafkaDropped < 0 ? "no engine reported yet" : "as the engines reported");
    lag.set(s.lag() < 0 ? "–" : Formats.grouped(s.lag()));
    lag.setDetail(Formats.grouped(s.held()) + " held for the screen");
  }

  private static void setText(Label label, String text) {
    if (!text.equals(label.getText())) {
      label.setText(text);
    }
  }
}
