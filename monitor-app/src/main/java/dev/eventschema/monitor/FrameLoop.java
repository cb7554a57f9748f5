package dev.eventschema.monitor;

import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.animation.AnimationTimer;

/**
 * The dashboard's one per-frame callback: drains every engine's inbox once per frame and brings its
 * model and views up to date (then the fleet overview's, which may add the engines it found), so that however fast messages arrive, the scene graph changes at most
 * once per pulse, always on the FX thread. Reports the frame rate once a second.
 */
final class FrameLoop extends AnimationTimer {

  private final List<EngineSession> sessions;
  private final java.util.function.Supplier<EngineSession> selected;
  private final Runnable afterSessions;
  private final DoubleConsumer framesPerSecond;
  private long framesSinceReport;
  private long reportedAt;

  /** @param afterSessions the rest of the frame's work (the fleet overview), after every engine's */
  FrameLoop(List<EngineSession> sessions, java.util.function.Supplier<EngineSession> selected,
      Runnable afterSessions, DoubleConsumer framesPerSecond) {
    this.sessions = sessions;
    this.selected = selected;
    this.afterSessions = afterSessions;
    this.framesPerSecond = framesPerSecond;
  }

  @Override
  public void handle(long now) {
    EngineSession shown = selected.get();
    for (EngineSession session : sessions) {
      session.pulse(session == shown);
    }
    afterSessions.run();
    framesSinceReport++;
    long nanos = System.nanoTime();
    if (nanos - reportedAt > 1_000_000_000L) {
      double fps = framesSinceReport * 1e9 / (nanos - reportedAt);
      reportedAt = nanos;
      framesSinceReport = 0;
      framesPerSecond.accept(fps);
    }
  }
}
