package dev.eventschema.bench;

import dev.eventschema.engine.emit.Emission;
import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.EnvelopeSequencer;
import dev.eventschema.engine.emit.SubscriberStats;
import dev.eventschema.engine.emit.Subscribers;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeCodec;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.support.JsonValues;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Comparison 3: the token emit path, one synchronous subscriber.
 *
 * <p>{@code validating_*}: {@link EngineEventEmitter#emitTokenGenerated(String, TokenGeneratedEvent)}
 * as the engine calls it. It validates the event (generated {@code validate}), writes its wire map
 * ({@code toMap}) and copies it ({@code JsonValues.copyObject}: the event's already-checked open
 * maps are kept), wraps it in an envelope made of parts valid by construction (no second check of
 * the payload, the time or the type: issue 12, proposal 4 of RESULTS.md), and delivers it.
 *
 * <p>{@code noValidation_*}: the emitter has no switch to skip validation, so this is the same code
 * path written out without the validator call: the same generationId argument check, the same
 * {@code toMap} and copy, the same sequence number and clock read, the same envelope content in a
 * plain record, the same lock, {@link EmittedEvent}, {@link Subscribers} delivery and
 * {@link Emission.Accepted}. The ratio of the two is what validation adds to the hot path.
 *
 * <p>{@code *_builtEvent}: the event comes from the generated builder, as in the engine
 * ({@code Engine.onToken}), so its {@code validate} is the by-construction shortcut; {@code
 * *_recordEvent}: a hand-written record implementing the interface, fully checked.
 * {@code *_builtEventToSse}: the same emit, then the envelope written to the bytes of an SSE frame's
 * data by {@code EventEnvelopeCodec.writeBytes}, as the stream does for every frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EmitBenchmark {

  private static final String GENERATION_ID = "gen-00000042";

  private TokenGeneratedEvent builtEvent;
  private TokenGeneratedEvent recordEvent;
  private EngineEventEmitter emitter;
  private Baseline baseline;
  /** Where the one subscriber puts what it receives (the returned Emission also escapes to JMH). */
  private EmittedEvent lastDelivered;

  @Setup(Level.Trial)
  public void setUp() {
    builtEvent = Payloads.builtToken();
    recordEvent = Payloads.validToken();
    emitter = EngineEventEmitter.builder().build();
    emitter.subscribe(event -> lastDelivered = event);
    baseline = new Baseline(event -> lastDelivered = event);

    Emission viaEmitter = emitter.emitTokenGenerated(GENERATION_ID, recordEvent);
    Agreement.require(viaEmitter.isAccepted() && lastDelivered != null, "the emitter did not deliver");
    EventEnvelope expected = ((Emission.Accepted) viaEmitter).event().envelope();
    Emission viaBaseline = baseline.emitTokenGenerated(GENERATION_ID, recordEvent);
    EventEnvelope actual = ((Emission.Accepted) viaBaseline).event().envelope();
    Agreement.require(expected.payload().equals(actual.payload()) && expected.type().equals(actual.type())
        && expected.generationId().equals(actual.generationId()), "the baseline's envelope differs: " + actual);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    emitter.close();
  }

  @Benchmark
  public Emission validating_builtEvent() {
    return emitter.emitTokenGenerated(GENERATION_ID, builtEvent);
  }

  @Benchmark
  public Emission validating_recordEvent() {
    return emitter.emitTokenGenerated(GENERATION_ID, recordEvent);
  }

  @Benchmark
  public Emission noValidation_builtEvent() {
    return baseline.emitTokenGenerated(GENERATION_ID, builtEvent);
  }

  @Benchmark
  public Emission noValidation_recordEvent() {
    return baseline.emitTokenGenerated(GENERATION_ID, recordEvent);
  }

  @Benchmark
  public byte[] validating_builtEventToSse() {
    Emission emission = emitter.emitTokenGenerated(GENERATION_ID, builtEvent);
    return EventEnvelopeCodec.INSTANCE.writeBytes(((Emission.Accepted) emission).event().envelope());
  }

  @Benchmark
  public byte[] noValidation_builtEventToSse() {
    Emission emission = baseline.emitTokenGenerated(GENERATION_ID, builtEvent);
    return EventEnvelopeCodec.INSTANCE.writeBytes(((Emission.Accepted) emission).event().envelope());
  }

  /** {@code EngineEventEmitter.emitTokenGenerated} → {@code emitTyped} → {@code accept}, minus the validators. */
  static final class Baseline {
    private final EnvelopeSequencer sequencer = new EnvelopeSequencer();
    private final Subscribers<EmittedEvent> events = new Subscribers<>("events", new SubscriberStats());
    private final Object sequenceLock = new Object();

    Baseline(java.util.function.Consumer<EmittedEvent> listener) {
      events.subscribe(listener);
    }

    Emission emitTokenGenerated(String generationId, TokenGeneratedEvent event) {
      Optional<String> id = generationId(generationId);
      EventType type = EventType.TOKEN_GENERATED;
      Objects.requireNonNull(event, "event");
      // no type.validate(event)
      Map<String, Object> wire = JsonValues.copyObject(type.toMap(event));
      EmittedEvent emitted;
      synchronized (sequenceLock) {
        EventEnvelope envelope = new PlainEnvelope(sequencer.nextSeq(),
            sequencer.now().truncatedTo(ChronoUnit.MILLIS).toString(), type.wireName(), id, wire);
        emitted = new EmittedEvent(envelope, type, event, Source.API);
        events.enqueue(emitted);
      }
      events.deliver(emitted);
      return new Emission.Accepted(emitted);
    }

    private static Optional<String> generationId(String generationId) {
      Objects.requireNonNull(generationId, "generationId");
      if (generationId.isEmpty() || generationId.length() > 128) {
        throw new IllegalArgumentException("a generationId has 1 to 128 characters, had " + generationId.length());
      }
      return Optional.of(generationId);
    }
  }

  /** The envelope's content, as the emitter's own envelope record holds it. */
  record PlainEnvelope(long seq, String time, String type, Optional<String> generationId,
      Map<String, Object> payload) implements EventEnvelope {}
}
