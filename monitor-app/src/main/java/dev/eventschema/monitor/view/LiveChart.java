package dev.eventschema.monitor.view;

import dev.eventschema.monitor.model.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A line chart over the sliding window (x: seconds before the newest point). Redrawn only when its
 * series changed or its width did, with every series decimated to the chart's pixel width.
 */
public final class LiveChart extends StackPane {

  private final LineChart<Number, Number> chart;
  private final NumberAxis xAxis = new NumberAxis();
  private final NumberAxis yAxis = new NumberAxis();
  private final Supplier<List<TimeSeries>> source;
  private final long windowMillis;
  private final Label empty = new Label("Waiting for the engine's telemetry…");
  private final List<XYChart.Series<Number, Number>> shown = new ArrayList<>();
  private long drawnVersion = -1;
  private double drawnWidth = -1;

  public LiveChart(String title, String yLabel, long windowMillis, Supplier<List<TimeSeries>> source) {
    this.source = source;
    this.windowMillis = windowMillis;
    xAxis.setAutoRanging(false);
    xAxis.setLowerBound(-windowMillis / 1000.0);
    xAxis.setUpperBound(0);
    xAxis.setTickUnit(60);
    xAxis.setLabel("seconds ago");
    xAxis.setMinorTickVisible(false);
    if (yLabel != null) {
      yAxis.setLabel(yLabel);
    }
    yAxis.setForceZeroInRange(true);
    yAxis.setMinorTickVisible(false);
    chart = new LineChart<>(xAxis, yAxis);
    chart.setTitle(title);
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.setLegendVisible(true);
    chart.getStyleClass().add("live-chart");
    chart.setMinSize(200, 160);
    empty.getStyleClass().add("chart-empty");
    empty.setMouseTransparent(true);
    getChildren().addAll(chart, empty);
  }

  /**
   * Redraws if the data or the width changed ({@code version} identifies the data); returns whether
   * it did.
   */
  public boolean refresh(long version) {
    double width = chart.getWidth();
    if (version == drawnVersion && Math.abs(width - drawnWidth) < 1) {
      return false;
    }
    drawnVersion = version;
    drawnWidth = width;
    List<TimeSeries> series = source.get();
    double newest = Double.NEGATIVE_INFINITY;
    for (TimeSeries s : series) {
      if (s.size() > 0) {
        newest = Math.max(newest, s.time(s.size() - 1));
      }
    }
    boolean hasData = newest > Double.NEGATIVE_INFINITY;
    empty.setVisible(!hasData);
    if (!hasData) {
      return true;
    }
    double oldest = Double.POSITIVE_INFINITY;
    for (TimeSeries s : series) {
      if (s.size() > 0) {
        oldest = Math.min(oldest, s.time(0));
      }
    }
    // the x axis spans the data (at least a minute, at most the window), in steps of 30 s
    double spanSeconds = Math.min(windowMillis / 1000.0,
        Math.max(60, Math.ceil((newest - oldest) / 1000.0 / 30.0) * 30));
    if (xAxis.getLowerBound() != -spanSeconds) {
      xAxis.setLowerBound(-spanSeconds);
      xAxis.setTickUnit(spanSeconds <= 60 ? 10 : spanSeconds <= 180 ? 30 : 60);
    }
    int pixels = (int) Math.max(50, width - 70); // the plot area is the chart less its y axis
    while (shown.size() < series.size()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      shown.add(s);
      chart.getData().add(s);
    }
    for (int k = 0; k < series.size(); k++) {
      TimeSeries s = series.get(k);
      Decimator.Points points = Decimator.decimate(s, newest - spanSeconds * 1000, newest, pixels);
      ObservableList<XYChart.Data<Number, Number>> data = FXCollections.observableArrayList();
      for (int i = 0; i < points.size(); i++) {
        data.add(new XYChart.Data<>((points.x(i) - newest) / 1000.0, points.y(i)));
      }
      XYChart.Series<Number, Number> target = shown.get(k);
      if (!s.name().equals(target.getName())) {
        target.setName(s.name());
      }
      target.getData().setAll(data);
    }
    return true;
  }
}
