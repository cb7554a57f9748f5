package dev.eventschema.monitor.model;

/**
 * A sliding window of (time, value) points in a ring buffer, times in epoch milliseconds, ascending.
 * Points older than the window (relative to the newest) are forgotten.
 */
public final class TimeSeries {

  private final String name;
  private final long windowMillis;
  private double[] times;
  private double[] values;
  private int start;
  private int size;
  private long version;

  public TimeSeries(String name, long windowMillis, int initialCapacity) {
    this.name = name;
    this.windowMillis = windowMillis;
    this.times = new double[Math.max(4, initialCapacity)];
    this.values = new double[times.length];
  }

  public String name() {
    return name;
  }

  /** Adds a point; a time before the newest one is ignored (a restarted engine starts a new window). */
  public void add(double timeMillis, double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    if (size > 0 && timeMillis < time(size - 1)) {
      clear();
    }
    if (size == times.length) {
      grow();
    }
    int at = (start + size) % times.length;
    times[at] = timeMillis;
    values[at] = value;
    size++;
    while (size > 1 && time(0) < timeMillis - windowMillis) {
      start = (start + 1) % times.length;
      size--;
    }
    version++;
  }

  public void clear() {
    start = 0;
    size = 0;
    version++;
  }

  public int size() {
    return size;
  }

  /** The i-th oldest point's time. */
  public double time(int i) {
    return times[(start + i) % times.length];
  }

  /** The i-th oldest point's value. */
  public double value(int i) {
    return values[(start + i) % values.length];
  }

  /** The newest value, or NaN. */
  public double last() {
    return size == 0 ? Double.NaN : value(size - 1);
  }

  /** Changes with every change of the points. */
  public long version() {
    return version;
  }

  public long windowMillis() {
    return windowMillis;
  }

  private void grow() {
    double[] t = new double[times.length * 2];
    double[] v = new double[values.length * 2];
    for (int i = 0; i < size; i++) {
      t[i] = time(i);
      v[i] = value(i);
    }
    times = t;
    values = v;
    start = 0;
  }
}
