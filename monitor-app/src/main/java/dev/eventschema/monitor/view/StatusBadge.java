package dev.eventschema.monitor.view;

import java.util.Locale;
import javafx.scene.control.Label;

/** The runtime status as a coloured pill: ready, busy, error, shutdown (or unknown). */
public final class StatusBadge extends Label {

  private static final String[] STATES = {"ready", "busy", "error", "shutdown", "unknown"};

  public StatusBadge() {
    getStyleClass().add("status-badge");
    setStatus("unknown");
  }

  public void setStatus(String status) {
    String s = status == null ? "unknown" : status.toLowerCase(Locale.ROOT);
    for (String state : STATES) {
      getStyleClass().remove("status-" + state);
    }
    getStyleClass().add("status-" + (java.util.Arrays.asList(STATES).contains(s) ? s : "unknown"));
    setText(s.toUpperCase(Locale.ROOT));
  }

  /** The status shown, in lower case. */
  public String status() {
    return getText().toLowerCase(Locale.ROOT);
  }
}
