package dev.eventschema.engine.telemetry;

import static dev.eventschema.engine.telemetry.MeterNames.*;

import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.RejectedPayload;
import dev.eventschema.engine.emit.SubscriberStats;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.GenerationStartedEvent;
import dev.eventschema.engine.events.ModelInvalidatedEvent;
import dev.eventschema.engine.events.ModelLoadedEvent;
import dev.eventschema.engine.events.ModelUnloadedEvent;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * The engine's meters, fed by the emitter's accepted events and rejections. Every tag value is
 * bounded: ids of loaded models, event types, violation codes, sources and error codes.
 */
public final class EngineMeters {

  private final MeterRegistry registry;
  private final Clock clock;
  private final LoadedModels models = new LoadedModels();
  private final GenerationTimings generations = new GenerationTimings();
  private final IntervalSamples timeToFirstTokenMs = new IntervalSamples();
  private final List<SubscriberStats> subscriberStats = new CopyOnWriteArrayList<>();
  private final RuntimeMessageTypes runtimeMessageTypes = new RuntimeMessageTypes();
  private final AtomicReference<IntSupplier> requestsWaiting = new AtomicReference<>(() -> 0);

  /** Registers the engine's gauges and function counters on {@code registry}. */
  public EngineMeters(MeterRegistry registry) {
    this.registry = registry;
    this.clock = registry.config().clock();
    Gauge.builder(MODELS_LOADED, models, LoadedModels::count)
        .description("Models loaded now").strongReference(true).register(registry);
    Gauge.builder(REQUESTS_RUNNING, generations, GenerationTimings::running)
        .description("Generations started and not yet completed").strongReference(true).register(registry);
    Gauge.builder(REQUESTS_WAITING, this, EngineMeters::requestsWaiting)
        .description("Requests queued before they start").strongReference(true).register(registry);
    FunctionCounter.builder(SUBSCRIBER_DROPS, this, meters -> meters.sumStats(SubscriberStats::drops))
        .description("Messages dropped because a subscriber's queue was full").register(registry);
    FunctionCounter.builder(SUBSCRIBER_FAILURES, this, meters -> meters.sumStats(SubscriberStats::failures))
        .description("Subscriber callbacks that threw").register(registry);
  }

  /** Feeds these meters from {@code emitter}'s events, rejections and subscriber statistics. */
  public Subscription attach(EngineEventEmitter emitter) {
    bindSubscriberStats(emitter.subscriberStats());
    Subscription events = emitter.subscribe(this::onEvent);
    Subscription rejections = emitter.subscribeRejections(this::onRejection);
    return Subscription.of(() -> {
      events.close();
      rejections.close();
      subscriberStats.remove(emitter.subscriberStats());
    });
  }

  /** Counts the drops and failures recorded in {@code stats} (once, however often it is bound). */
  public void bindSubscriberStats(SubscriberStats stats) {
    if (!subscriberStats.contains(stats)) {
      subscriberStats.add(stats);
    }
  }

  /** Where the {@code requests.waiting} gauge reads the engine's queue length. */
  public void trackRequestsWaiting(IntSupplier queueLength) {
    requestsWaiting.set(queueLength);
  }

  /** Counts an accepted event and updates the meters it concerns. */
  public void onEvent(EmittedEvent emitted) {
    String generationId = emitted.envelope().generationId().orElse(null);
    switch (emitted.event()) {
      case ModelLoadedEvent e -> {
        models.loaded(e.model());
        counter(MODEL_LOADS, TAG_MODEL, models.tag(e.model())).increment();
      }
      case ModelUnloadedEvent e -> {
        counter(MODEL_UNLOADS, TAG_MODEL, models.tag(e.model())).increment();
        models.gone(e.model());
      }
      case ModelInvalidatedEvent e -> {
        counter(MODEL_INVALIDATIONS, TAG_MODEL, models.tag(e.model())).increment();
        models.gone(e.model());
      }
      case GenerationStartedEvent e -> generations.started(GenerationTimings.key(generationId, e.model()), now());
      case TokenGeneratedEvent e -> onToken(e, generationId);
      case GenerationCompletedEvent e -> {
        generations.ended(GenerationTimings.key(generationId, e.model()));
        latency(REQUEST_DURATION, REQUEST_DURATION_BUCKETS, e.model())
            .record(Math.round(e.durationMs() * 1_000_000), TimeUnit.NANOSECONDS);
      }
      case ErrorEvent e -> {
        if (generationId != null) {
          generations.ended(GenerationTimings.key(generationId, null));
        }
        counter(ERRORS, TAG_CODE, e.code().map(code -> code.wireName()).orElse(NO_CODE)).increment();
      }
      case RuntimeStatusEvent e -> {
        // reported as is on the stream; the gauges come from the events above
      }
      default -> throw new IllegalArgumentException("not an engine event: " + emitted.event().getClass());
    }
    counter(EVENTS_EMITTED, TAG_TYPE, emitted.type().wireName()).increment();
  }

  /**
   * Counts a rejection by claimed type, its first violation's code, and its source. The type is one of
   * the eight events, or for a runtime's message its protocol type ({@code stream.chunk},
   * {@code response}, ...: a closed set, see {@link RuntimeMessageTypes}), else {@code unknown}.
   */
  public void onRejection(RejectedPayload rejection) {
    String type = rejection.knownType().map(EventType::wireName)
        .orElseGet(() -> rejection.source() == Source.RUNTIME ? runtimeMessageTypes.tag(rejection.eventType())
            : UNKNOWN_TYPE);
    Counter.builder(EVENTS_REJECTED)
        .description(MeterNames.describe(EVENTS_REJECTED))
        .tags(TAG_TYPE, type, TAG_CODE, rejection.violations().get(0).code().wireName(),
            TAG_SOURCE, rejection.source().wireName())
        .register(registry)
        .increment();
  }

  int modelsLoaded() {
    return models.count();
  }

  int requestsRunning() {
    return generations.running();
  }

  int requestsWaiting() {
    return Math.max(0, requestsWaiting.get().getAsInt());
  }

  long subscriberDrops() {
    return (long) sumStats(SubscriberStats::drops);
  }

  /** The times to first token recorded since the last call, in milliseconds. */
  IntervalSamples.Percentiles drainTimeToFirstTokenMs() {
    return timeToFirstTokenMs.drain();
  }

  /** The sum of a counter's values over all its series: {@code tokens generated} in total. */
  long total(String counterName) {
    return Math.round(registry.find(counterName).counters().stream().mapToDouble(Counter::count).sum());
  }

  /** A counter's values summed by one tag, sorted by tag value. */
  Map<String, Long> totalsBy(String counterName, String tagKey) {
    Map<String, Long> totals = new TreeMap<>();
    for (Counter counter : registry.find(counterName).counters()) {
      totals.merge(counter.getId().getTag(tagKey), Math.round(counter.count()), Long::sum);
    }
    return totals;
  }

  private void onToken(TokenGeneratedEvent token, String generationId) {
    if (token.token().isEmpty()) {
      return; // the end-of-sequence marker is not a generated token
    }
    counter(GENERATION_TOKENS, TAG_MODEL, models.tag(token.model())).increment();
    generations.token(GenerationTimings.key(generationId, token.model()), now()).ifPresent(gap -> {
      if (gap.first()) {
        latency(TIME_TO_FIRST_TOKEN, TIME_TO_FIRST_TOKEN_BUCKETS, token.model()).record(gap.nanos(), TimeUnit.NANOSECONDS);
        timeToFirstTokenMs.record(gap.nanos() / 1e6);
      } else {
        latency(INTER_TOKEN_LATENCY, INTER_TOKEN_LATENCY_BUCKETS, token.model()).record(gap.nanos(), TimeUnit.NANOSECONDS);
      }
    });
  }

  private Counter counter(String name, String tagKey, String tagValue) {
    return Counter.builder(name)
        .description(MeterNames.describe(name))
        .baseUnit(name.equals(GENERATION_TOKENS) ? "tokens" : null)
        .tag(tagKey, tagValue)
        .register(registry);
  }

  private Timer latency(String name, Duration[] buckets, String model) {
    return Timer.builder(name)
        .description(MeterNames.describe(name))
        .tags(TAG_GEN_AI_MODEL, models.tag(model), TAG_GEN_AI_OPERATION, OPERATION)
        .serviceLevelObjectives(buckets)
        .register(registry);
  }

  private long now() {
    return clock.monotonicTime();
  }

  private double sumStats(ToLongFunction<SubscriberStats> reading) {
    return subscriberStats.stream().mapToLong(reading).sum();
  }
}
