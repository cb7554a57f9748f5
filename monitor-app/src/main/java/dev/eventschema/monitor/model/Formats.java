package dev.eventschema.monitor.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats shared by the views. */
public final class Formats {

  /** Local wall-clock time with milliseconds. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
      .withZone(ZoneId.systemDefault());

  private Formats() {}

  /** A number with one decimal, or an en dash for NaN. */
  public static String decimal(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** Milliseconds, or an en dash for NaN. */
  public static String millis(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f ms", value);
  }

  /** 12345 as 12,345. */
  public static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
