package dev.eventschema.monitor;

import dev.eventschema.monitor.fleet.EngineFeed;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;

/**
 * The status line at the bottom of the window: the last problem in words, the frame rate, the fleet's
 * state and each engine's connection state. Updated once a second and when a problem is reported.
 */
final class StatusLine extends Label {

  private double framesPerSecond;
  private String problem;

  StatusLine() {
    getStyleClass().add("status-line");
    setId("statusLine");
    setMaxWidth(Double.MAX_VALUE);
  }

  void framesPerSecond(double fps) {
    framesPerSecond = fps;
  }

  void problem(String words) {
    problem = words;
  }

  void update(FleetSession fleet, List<EngineSession> sessions) {
    StringBuilder text = new StringBuilder();
    if (problem != null) {
      text.append(problem).append("   ·   ");
    }
    text.append(String.format(Locale.ROOT, "%.0f frames/s", framesPerSecond));
    if (fleet != null) {
      text.append("   ·   fleet: ").append(fleet.consumer().status().state().label().toLowerCase(Locale.ROOT))
          .append(", ").append(fleet.model().rows().size()).append(" engines");
    }
    for (EngineSession s : sessions) {
      if (!(s.feed() instanceof EngineFeed)) { // the fleet's engines share the fleet's state
        text.append("   ·   ").append(s.name()).append(": ")
            .append(s.feed().status().state().label().toLowerCase(Locale.ROOT));
      }
    }
    setText(text.toString());
  }
}
