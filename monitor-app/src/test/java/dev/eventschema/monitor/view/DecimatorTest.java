package dev.eventschema.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.monitor.model.TimeSeries;
import org.junit.jupiter.api.Test;

class DecimatorTest {

  @Test
  void keepsEveryPointWhenThereAreFewerThanPixels() {
    TimeSeries s = new TimeSeries("s", 1_000_000, 8);
    for (int i = 0; i < 100; i++) {
      s.add(i * 1000, i);
    }
    assertThat(Decimator.decimate(s, 0, 99_000, 400).size()).isEqualTo(100);
  }

  @Test
  void reducesToThePixelWidthAndKeepsThePeaks() {
    TimeSeries s = new TimeSeries("s", 10_000_000, 8);
    for (int i = 0; i < 100_000; i++) {
      s.add(i, i == 54_321 ? 1_000 : Math.sin(i / 100.0));
    }
    Decimator.Points points = Decimator.decimate(s, 0, 99_999, 300);
    assertThat(points.size()).isLessThanOrEqualTo(300);
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < points.size(); i++) {
      max = Math.max(max, points.y(i));
      if (i > 0) {
        assertThat(points.x(i)).isGreaterThanOrEqualTo(points.x(i - 1));
      }
    }
    assertThat(max).isEqualTo(1_000);
  }

  @Test
  void theWindowForgetsOldPoints() {
    TimeSeries s = new TimeSeries("s", 10_000, 4);
    for (int i = 0; i <= 60; i++) {
      s.add(i * 1000, i);
    }
    assertThat(s.size()).isEqualTo(11);
    assertThat(s.value(0)).isEqualTo(50);
    s.add(5_000, 1); // time went back: a restarted engine
    assertThat(s.size()).isEqualTo(1);
  }
}
