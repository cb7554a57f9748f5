package dev.eventschema.engine.telemetry;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The values recorded since the last snapshot, for exact percentiles over one interval (a
 * cumulative histogram only gives bucket bounds). Bounded: past {@link #CAPACITY} values in one
 * interval, later ones are not kept, which biases nothing but the tail of an extreme burst.
 */
final class IntervalSamples {

  static final int CAPACITY = 8192;

  private final double[] values = new double[CAPACITY];
  private int size;

  synchronized void record(double value) {
    if (size < CAPACITY) {
      values[size++] = value;
    }
  }

  /** The interval's values, sorted, and a fresh start for the next interval. */
  synchronized Percentiles drain() {
    double[] sorted = Arrays.copyOf(values, size);
    size = 0;
    Arrays.sort(sorted);
    return new Percentiles(sorted);
  }

  /** Nearest-rank percentiles of one interval's values. */
  static final class Percentiles {
    private final double[] sorted;

    Percentiles(double[] sorted) {
      this.sorted = sorted;
    }

    /** The {@code p}-th percentile (0 &lt; p &le; 100), or empty when nothing was recorded. */
    OptionalDouble at(double p) {
      if (sorted.length == 0) {
        return OptionalDouble.empty();
      }
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return OptionalDouble.of(sorted[Math.max(rank, 1) - 1]);
    }
  }
}
