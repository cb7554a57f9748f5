package dev.eventschema.monitor.model;

import java.time.Instant;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One generation, running or recent. What arrives is kept in pending fields and reaches the
 * properties when the tracker publishes ({@link #flush}), at most once per frame.
 */
public final class GenerationRow {

  /** How a generation stands. */
  public enum State {
    RUNNING("running"), COMPLETED("completed"), FAILED("failed"), UNKNOWN("unknown");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The longest text kept per generation (the start is cut). */
  public static final int MAX_TEXT = 16_384;

  private final String id;
  private final String model;
  private final String prompt;
  private final Instant started;
  final StringBuilder pendingText = new StringBuilder();
  private final StringBuilder fullText = new StringBuilder();
  long pendingTokens;
  Instant firstTokenAt;
  Instant lastTokenAt;
  boolean dirty;
  boolean endOfSequence;
  /** How it ended, once it did (until published). */
  private State pendingState;
  private String pendingOutcome;
  long pendingTotalTokens = -1;
  double pendingDurationMs = Double.NaN;
  double pendingThroughput = Double.NaN;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
  private final LongProperty tokens = new SimpleLongProperty();
  private final DoubleProperty ttftMs = new SimpleDoubleProperty(Double.NaN);
  private final DoubleProperty throughput = new SimpleDoubleProperty(Double.NaN);
  private final DoubleProperty durationMs = new SimpleDoubleProperty(Double.NaN);
  private final StringProperty outcome = new SimpleStringProperty("running");
  private final StringProperty text = new SimpleStringProperty("");

  GenerationRow(String id, String model, String prompt, Instant started) {
    this.id = id;
    this.model = model;
    this.prompt = prompt;
    this.started = started;
  }

  /** Publishes what arrived since the last frame to the properties. */
  void flush() {
    if (!dirty) {
      return;
    }
    dirty = false;
    if (pendingText.length() > 0) {
      fullText.append(pendingText);
      pendingText.setLength(0);
      if (fullText.length() > MAX_TEXT) {
        fullText.delete(0, fullText.length() - MAX_TEXT + 1).insert(0, '…');
      }
      text.set(fullText.toString());
    }
    tokens.set(tokens.get() + pendingTokens);
    pendingTokens = 0;
    if (firstTokenAt != null && started != null && Double.isNaN(ttftMs.get())) {
      ttftMs.set(Math.max(0, firstTokenAt.toEpochMilli() - started.toEpochMilli()));
    }
    if (state.get() == State.RUNNING && firstTokenAt != null && lastTokenAt != null
        && lastTokenAt.isAfter(firstTokenAt) && tokens.get() > 1) {
      throughput.set((tokens.get() - 1) * 1000.0 / (lastTokenAt.toEpochMilli() - firstTokenAt.toEpochMilli()));
    }
    if (pendingState != null) {
      state.set(pendingState);
      outcome.set(pendingOutcome);
      pendingState = null;
      if (pendingTotalTokens >= 0) {
        tokens.set(pendingTotalTokens);
      }
      if (!Double.isNaN(pendingDurationMs)) {
        durationMs.set(pendingDurationMs);
      }
      if (!Double.isNaN(pendingThroughput)) {
        throughput.set(pendingThroughput);
      }
    }
  }

  /** Notes how the generation ended; shown with the next {@link #flush}. */
  void ended(State how, String outcomeInWords) {
    pendingState = how;
    pendingOutcome = outcomeInWords;
  }

  public String id() {
    return id;
  }

  public String model() {
    return model;
  }

  public String prompt() {
    return prompt;
  }

  public Instant started() {
    return started;
  }

  public ObjectProperty<State> stateProperty() {
    return state;
  }

  public LongProperty tokensProperty() {
    return tokens;
  }

  public DoubleProperty ttftMsProperty() {
    return ttftMs;
  }

  public DoubleProperty throughputProperty() {
    return throughput;
  }

  public DoubleProperty durationMsProperty() {
    return durationMs;
  }

  public StringProperty outcomeProperty() {
    return outcome;
  }

  public StringProperty textProperty() {
    return text;
  }
}
