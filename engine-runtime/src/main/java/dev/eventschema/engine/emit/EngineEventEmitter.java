package dev.eventschema.engine.emit;

import dev.eventschema.ParseResult;
import dev.eventschema.Violation;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.error.ReportedViolations;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.GenerationStartedEvent;
import dev.eventschema.engine.events.JsonPayloads;
import dev.eventschema.engine.events.ModelInvalidatedEvent;
import dev.eventschema.engine.events.ModelLoadedEvent;
import dev.eventschema.engine.events.ModelUnloadedEvent;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.support.JsonValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way engine events are published. Every call goes through the event's generated
 * validator: a valid event gets the next sequence number and time, is wrapped in an
 * {@link EventEnvelope} and reaches the event subscribers; an invalid one never does, but becomes a
 * {@link RejectedPayload} that is kept in the {@link RejectionLog}, logged once at WARN, published to
 * the rejection subscribers and, under {@link RejectionPolicy#THROW}, thrown as an
 * {@link EngineException} with code {@link ErrorCode#INVALID_EVENT}.
 *
 * <p>Thread-safe. Asynchronous subscribers receive messages in sequence order; synchronous ones are
 * called on the emitting thread, so concurrent emitters may reach them out of order.
 */
public final class EngineEventEmitter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineEventEmitter.class);

  private final RejectionPolicy typedPolicy;
  private final RejectionPolicy untypedPolicy;
  private final EnvelopeSequencer sequencer;
  private final RejectionLog rejectionLog;
  private final SubscriberStats subscriberStats;
  private final Subscribers<EmittedEvent> events;
  private final Subscribers<RejectedPayload> rejections;
  /** Held while a message takes its sequence number and enters the queues, so queues stay in order. */
  private final Object sequenceLock = new Object();

  /** An emitter with the defaults of {@link Builder}. */
  public EngineEventEmitter() {
    this(builder());
  }

  private EngineEventEmitter(Builder builder) {
    this.typedPolicy = builder.typedPolicy;
    this.untypedPolicy = builder.untypedPolicy;
    this.sequencer = builder.sequencer;
    this.rejectionLog = new RejectionLog(builder.rejectionLogCapacity);
    this.subscriberStats = builder.subscriberStats;
    this.events = new Subscribers<>("events", subscriberStats);
    this.rejections = new Subscribers<>("rejections", subscriberStats);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Emission emitModelLoaded(ModelLoadedEvent event) {
    return emitTyped(EventType.MODEL_LOADED, event, Optional.empty());
  }

  public Emission emitModelUnloaded(ModelUnloadedEvent event) {
    return emitTyped(EventType.MODEL_UNLOADED, event, Optional.empty());
  }

  public Emission emitModelInvalidated(ModelInvalidatedEvent event) {
    return emitTyped(EventType.MODEL_INVALIDATED, event, Optional.empty());
  }

  public Emission emitGenerationStarted(GenerationStartedEvent event) {
    return emitTyped(EventType.GENERATION_STARTED, event, Optional.empty());
  }

  public Emission emitGenerationStarted(String generationId, GenerationStartedEvent event) {
    return emitTyped(EventType.GENERATION_STARTED, event, generationId(generationId));
  }

  public Emission emitTokenGenerated(TokenGeneratedEvent event) {
    return emitTyped(EventType.TOKEN_GENERATED, event, Optional.empty());
  }

  public Emission emitTokenGenerated(String generationId, TokenGeneratedEvent event) {
    return emitTyped(EventType.TOKEN_GENERATED, event, generationId(generationId));
  }

  public Emission emitGenerationCompleted(GenerationCompletedEvent event) {
    return emitTyped(EventType.GENERATION_COMPLETED, event, Optional.empty());
  }

  public Emission emitGenerationCompleted(String generationId, GenerationCompletedEvent event) {
    return emitTyped(EventType.GENERATION_COMPLETED, event, generationId(generationId));
  }

  public Emission emitError(ErrorEvent event) {
    return emitTyped(EventType.ERROR, event, Optional.empty());
  }

  /** An error of one generation: its envelope carries the generation's id. */
  public Emission emitError(String generationId, ErrorEvent event) {
    return emitTyped(EventType.ERROR, event, generationId(generationId));
  }

  public Emission emitRuntimeStatus(RuntimeStatusEvent event) {
    return emitTyped(EventType.RUNTIME_STATUS, event, Optional.empty());
  }

  /**
   * Emits a payload that arrived as data, under the untyped policy ({@link RejectionPolicy#RECORD}
   * unless configured otherwise). An unknown {@code type} or a {@code null} payload is a rejection
   * like any other.
   */
  public Emission emit(String type, Map<String, ?> payload, Source source) {
    return emitUntyped(type, Optional.empty(), payload, source);
  }

  /** As {@link #emit(String, Map, Source)}, for an event of the generation {@code generationId}. */
  public Emission emit(String type, String generationId, Map<String, ?> payload, Source source) {
    return emitUntyped(type, generationId(generationId), payload, source);
  }

  /**
   * Records a payload that was already found invalid elsewhere (a runtime message that broke its
   * own protocol schema, say): kept, counted, logged and published like every rejection, with the
   * violations given, under the untyped policy.
   */
  public Emission reject(String type, Map<String, ?> payload, List<Violation> violations, Source source) {
    Objects.requireNonNull(source, "source");
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one violation");
    }
    return reject(type == null ? "" : type, payload == null ? Map.of() : payload, List.copyOf(violations), source,
        untypedPolicy);
  }

  /** Calls {@code listener} with every accepted event, on the emitting thread. */
  public Subscription subscribe(Consumer<? super EmittedEvent> listener) {
    return events.subscribe(listener);
  }

  /** Calls {@code listener} with every accepted event on its own thread, dropping when its queue is full. */
  public Subscription subscribeAsync(int queueCapacity, Consumer<? super EmittedEvent> listener) {
    return events.subscribeAsync(queueCapacity, listener);
  }

  /** Calls {@code listener} with every rejection, on the emitting thread. */
  public Subscription subscribeRejections(Consumer<? super RejectedPayload> listener) {
    return rejections.subscribe(listener);
  }

  /** Calls {@code listener} with every rejection on its own thread, dropping when its queue is full. */
  public Subscription subscribeRejectionsAsync(int queueCapacity, Consumer<? super RejectedPayload> listener) {
    return rejections.subscribeAsync(queueCapacity, listener);
  }

  /** The recent rejections. */
  public RejectionLog rejectionLog() {
    return rejectionLog;
  }

  /** Drops and failures of this emitter's subscribers. */
  public SubscriberStats subscriberStats() {
    return subscriberStats;
  }

  /** The sequence shared with everything else this engine puts on the stream. */
  public EnvelopeSequencer sequencer() {
    return sequencer;
  }

  /**
   * Gives a message this emitter does not publish itself (a telemetry snapshot on its way to Kafka)
   * the next sequence number and time, as this emitter stamps its own: under the same lock, so that
   * its time is not earlier than that of a message with a lower sequence number.
   */
  public <T> T stamp(BiFunction<Long, Instant, T> message) {
    Objects.requireNonNull(message, "message");
    long seq;
    Instant time;
    synchronized (sequenceLock) {
      seq = sequencer.nextSeq();
      time = sequencer.now();
    }
    return message.apply(seq, time);
  }

  /** Closes every subscription. */
  @Override
  public void close() {
    events.closeAll();
    rejections.closeAll();
  }

  private Emission emitTyped(EventType type, Object event, Optional<String> generationId) {
    Objects.requireNonNull(event, "event");
    List<Violation> violations = type.validate(event);
    if (violations.isEmpty()) {
      return accept(type, event, generationId, Source.API);
    }
    // toMap writes what an invalid value has (null fields left out): the payload as received.
    return reject(type.wireName(), type.toMap(event), violations, Source.API, typedPolicy);
  }

  private Emission emitUntyped(String typeName, Optional<String> generationId, Map<String, ?> payload, Source source) {
    Objects.requireNonNull(source, "source");
    String claimed = typeName == null ? "" : typeName;
    Optional<EventType> type = EventType.fromWireName(typeName);
    if (type.isEmpty() || payload == null) {
      Violation violation = type.isEmpty() ? UntypedViolations.unknownType(claimed) : UntypedViolations.missingPayload();
      return reject(claimed, payload == null ? Map.of() : payload, List.of(violation), source, untypedPolicy);
    }
    ParseResult<?> result = type.get().parse(payload);
    if (result instanceof ParseResult.Valid<?> valid) {
      return accept(type.get(), valid.value(), generationId, source);
    }
    return reject(claimed, payload, result.violations(), source, untypedPolicy);
  }

  /**
   * Publishes a valid event. Its envelope is not checked again (see {@link AcceptedEnvelope}): the
   * payload is the event's wire form, copied so that a hand-written event changed later cannot
   * change it; the already-checked open maps of a built or parsed event are kept, not copied.
   */
  private Emission accept(EventType type, Object event, Optional<String> generationId, Source source) {
    Map<String, Object> wire = JsonValues.copyObject(type.toMap(event));
    EmittedEvent emitted;
    synchronized (sequenceLock) {
      emitted = new EmittedEvent(sequencer.nextAccepted(type.wireName(), generationId, wire), type, event, source);
      events.enqueue(emitted);
    }
    events.deliver(emitted);
    return new Emission.Accepted(emitted);
  }

  private Emission reject(
      String type, Map<?, ?> payload, List<Violation> violations, Source source, RejectionPolicy policy) {
    Map<String, Object> asReceived = JsonPayloads.copyAsReceived(payload);
    RejectedPayload rejection;
    synchronized (sequenceLock) {
      rejection = new RejectedPayload(sequencer.nextSeq(), type, source, asReceived, violations, sequencer.now());
      rejectionLog.add(rejection);
      rejections.enqueue(rejection);
    }
    LOG.warn("Rejected {} payload from {} (seq {}): {}", type, source.wireName(), rejection.seq(),
        ReportedViolations.describe(violations));
    rejections.deliver(rejection);
    if (policy == RejectionPolicy.THROW) {
      throw EngineException.ofViolations(ErrorCode.INVALID_EVENT, type + " event", violations,
          Map.of("eventType", type, "source", source.wireName(), "seq", rejection.seq()));
    }
    return new Emission.Rejected(rejection);
  }

  private static Optional<String> generationId(String generationId) {
    Objects.requireNonNull(generationId, "generationId");
    if (generationId.isEmpty() || generationId.length() > 128) {
      throw new IllegalArgumentException("a generationId has 1 to 128 characters, had " + generationId.length());
    }
    return Optional.of(generationId);
  }

  /** Settings of an emitter. */
  public static final class Builder {
    private RejectionPolicy typedPolicy = RejectionPolicy.THROW;
    private RejectionPolicy untypedPolicy = RejectionPolicy.RECORD;
    private int rejectionLogCapacity = 1000;
    private EnvelopeSequencer sequencer = new EnvelopeSequencer();
    private SubscriberStats subscriberStats = new SubscriberStats();

    private Builder() {}

    /** What a typed {@code emitX} does with an invalid event; {@link RejectionPolicy#THROW} by default. */
    public Builder typedPolicy(RejectionPolicy policy) {
      this.typedPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * What the untyped {@code emit} does with an invalid payload; {@link RejectionPolicy#RECORD} by
     * default, since data from outside being wrong is the receiver's report, not its failure.
     */
    public Builder untypedPolicy(RejectionPolicy policy) {
      this.untypedPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How many recent rejections are kept; 1000 by default. */
    public Builder rejectionLogCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
      }
      this.rejectionLogCapacity = capacity;
      return this;
    }

    /** The engine's shared sequence; a new one by default. */
    public Builder sequencer(EnvelopeSequencer sequencer) {
      this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
      return this;
    }

    /** Where subscriber drops and failures are counted; a new one by default. */
    public Builder subscriberStats(SubscriberStats stats) {
      this.subscriberStats = Objects.requireNonNull(stats, "stats");
      return this;
    }

    public EngineEventEmitter build() {
      return new EngineEventEmitter(this);
    }
  }
}
