package dev.eventschema.monitor.view;

import dev.eventschema.monitor.model.TimeSeries;

/**
 * Reduces a series to what a chart of a given pixel width can show: the points are split into
 * equal-time buckets (two pixels each) and each bucket keeps its minimum and maximum, in time order,
 * so that peaks survive. The result has at most {@code pixels} points.
 */
public final class Decimator {

  private Decimator() {}

  /** The decimated points of {@code series} between {@code from} and {@code to} (epoch ms). */
  public static Points decimate(TimeSeries series, double from, double to, int pixels) {
    int n = series.size();
    int buckets = Math.max(1, pixels / 2);
    if (n <= pixels || to <= from) {
      Points all = new Points(n);
      for (int i = 0; i < n; i++) {
        if (series.time(i) >= from && series.time(i) <= to) {
          all.add(series.time(i), series.value(i));
        }
      }
      return all;
    }
    Points out = new Points(buckets * 2);
    double width = (to - from) / buckets;
    int i = 0;
    while (i < n && series.time(i) < from) {
      i++;
    }
    for (int b = 0; b < buckets && i < n; b++) {
      double end = b == buckets - 1 ? Double.POSITIVE_INFINITY : from + (b + 1) * width;
      int minAt = -1;
      int maxAt = -1;
      for (; i < n && series.time(i) < end; i++) {
        if (series.time(i) > to) {
          i = n;
          break;
        }
        if (minAt < 0 || series.value(i) < series.value(minAt)) {
          minAt = i;
        }
        if (maxAt < 0 || series.value(i) > series.value(maxAt)) {
          maxAt = i;
        }
      }
      if (minAt < 0) {
        continue;
      }
      int first = Math.min(minAt, maxAt);
      int second = Math.max(minAt, maxAt);
      out.add(series.time(first), series.value(first));
      if (second != first) {
        out.add(series.time(second), series.value(second));
      }
    }
    return out;
  }

  /** A growable list of (x, y) points. */
  public static final class Points {
    private double[] xs;
    private double[] ys;
    private int size;

    Points(int capacity) {
      xs = new double[Math.max(2, capacity)];
      ys = new double[xs.length];
    }

    void add(double x, double y) {
      if (size == xs.length) {
        xs = java.util.Arrays.copyOf(xs, size * 2);
        ys = java.util.Arrays.copyOf(ys, size * 2);
      }
      xs[size] = x;
      ys[size] = y;
      size++;
    }

    public int size() {
      return size;
    }

    public double x(int i) {
      return xs[i];
    }

    public double y(int i) {
      return ys[i];
    }
  }
}
