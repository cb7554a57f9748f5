package dev.eventschema.engine.telemetry;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.SubscriberStats;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEventBuilder;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.testing.Events;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meters' values, measured on Micrometer's mock clock so that every latency is exact. */
class EngineMetersTest {

  final MockClock clock = new MockClock();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry(io.micrometer.core.instrument.simple.SimpleConfig.DEFAULT, clock);
  final EngineMeters meters = new EngineMeters(registry);
  final EngineEventEmitter emitter = new EngineEventEmitter();

  EngineMetersTest() {
    registry.config(); // the meters are registered at construction
    meters.attach(emitter);
  }

  private Timer timer(String name, String model) {
    return registry.get(name).tag(MeterNames.TAG_GEN_AI_MODEL, model).timer();
  }

  private double counter(String name, String tagKey, String tagValue) {
    return registry.get(name).tag(tagKey, tagValue).counter().count();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void latenciesAreMeasuredFromStartToFirstTokenAndBetweenTokens() {
    emitter.emitModelLoaded(Events.modelLoaded("m"));
    emitter.emitGenerationStarted("g-1", Events.generationStarted("m"));
    clock.add(Duration.ofMillis(250));
    emitter.emitTokenGenerated("g-1", Events.token("m", "a"));
    clock.add(Duration.ofMillis(40));
    emitter.emitTokenGenerated("g-1", Events.token("m", "b"));
    clock.add(Duration.ofMillis(60));
    emitter.emitTokenGenerated("g-1", Events.token("m", "c"));
    clock.add(Duration.ofMillis(5));
    emitter.emitTokenGenerated("g-1", Events.token("m", ""));
    emitter.emitGenerationCompleted("g-1", Events.generationCompleted("m", 3, 355.5));

    Timer ttft = timer(MeterNames.TIME_TO_FIRST_TOKEN, "m");
    assertThat(ttft.count()).isEqualTo(1);
    assertThat(ttft.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
    Timer itl = timer(MeterNames.INTER_TOKEN_LATENCY, "m");
    assertThat(itl.count()).isEqualTo(2);
    assertThat(itl.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
    assertThat(itl.max(TimeUnit.MILLISECONDS)).isEqualTo(60);
    Timer duration = timer(MeterNames.REQUEST_DURATION, "m");
    assertThat(duration.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(355_500);
    assertThat(counter(MeterNames.GENERATION_TOKENS, MeterNames.TAG_MODEL, "m")).isEqualTo(3);
    assertThat(meters.drainTimeToFirstTokenMs().at(50)).hasValue(250);
  }

  @Test
  void generationsWithoutAnIdAreFollowedByModel() {
    emitter.emitGenerationStarted(Events.generationStarted("m"));
    clock.add(Duration.ofMillis(30));
    emitter.emitTokenGenerated(Events.token("m", "a"));

    assertThat(timer(MeterNames.TIME_TO_FIRST_TOKEN, MeterNames.OTHER_MODEL).totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(30);
    assertThat(gauge(MeterNames.REQUESTS_RUNNING)).isEqualTo(1);
    emitter.emitGenerationCompleted(Events.generationCompleted("m", 1, 30));
    assertThat(gauge(MeterNames.REQUESTS_RUNNING)).isZero();
  }

  @Test
  void aTokenOfAGenerationNeverSeenStartingIsCountedButNotTimed() {
    emitter.emitTokenGenerated("g-unknown", Events.token("m", "a"));

    assertThat(counter(MeterNames.GENERATION_TOKENS, MeterNames.TAG_MODEL, MeterNames.OTHER_MODEL)).isEqualTo(1);
    assertThat(registry.find(MeterNames.TIME_TO_FIRST_TOKEN).timer()).isNull();
  }

  @Test
  void runningGenerationsEndOnCompletionOrOnTheirError() {
    emitter.emitGenerationStarted("g-1", Events.generationStarted("m"));
    emitter.emitGenerationStarted("g-2", Events.generationStarted("m"));
    assertThat(gauge(MeterNames.REQUESTS_RUNNING)).isEqualTo(2);

    emitter.emitGenerationCompleted("g-1", Events.generationCompleted("m", 0, 1));
    emitter.emitError(Events.error(ErrorCode.INTERNAL, "not this generation's"));
    assertThat(gauge(MeterNames.REQUESTS_RUNNING)).isEqualTo(1);

    emitter.emitError("g-2", Events.error(ErrorCode.GENERATION_FAILED, "oom"));
    assertThat(gauge(MeterNames.REQUESTS_RUNNING)).isZero();
  }

  @Test
  void modelTagsAreOnlyThoseOfLoadedModels() {
    emitter.emitModelLoaded(Events.modelLoaded("a"));
    emitter.emitTokenGenerated(Events.token("a", "x"));
    emitter.emitTokenGenerated(Events.token("user-supplied-" + System.nanoTime(), "x"));
    emitter.emitModelUnloaded(Events.modelUnloaded("a"));
    emitter.emitTokenGenerated(Events.token("a", "x"));
    emitter.emitModelLoaded(Events.modelLoaded("b"));
    emitter.emitModelInvalidated(Events.modelInvalidated("b"));

    assertThat(counter(MeterNames.GENERATION_TOKENS, MeterNames.TAG_MODEL, "a")).isEqualTo(1);
    assertThat(counter(MeterNames.GENERATION_TOKENS, MeterNames.TAG_MODEL, MeterNames.OTHER_MODEL)).isEqualTo(2);
    assertThat(counter(MeterNames.MODEL_UNLOADS, MeterNames.TAG_MODEL, "a")).isEqualTo(1);
    assertThat(counter(MeterNames.MODEL_INVALIDATIONS, MeterNames.TAG_MODEL, "b")).isEqualTo(1);
    assertThat(gauge(MeterNames.MODELS_LOADED)).isZero();
  }

  @Test
  void atMost64ModelsBecomeTagValues() {
    for (int i = 0; i < LoadedModels.MAX_TRACKED + 6; i++) {
      emitter.emitModelLoaded(Events.modelLoaded("m" + i));
    }

    assertThat(gauge(MeterNames.MODELS_LOADED)).isEqualTo(LoadedModels.MAX_TRACKED);
    assertThat(counter(MeterNames.MODEL_LOADS, MeterNames.TAG_MODEL, MeterNames.OTHER_MODEL)).isEqualTo(6);
  }

  @Test
  void inFlightGenerationsAreBounded() {
    GenerationTimings timings = new GenerationTimings();
    for (int i = 0; i <= GenerationTimings.MAX_IN_FLIGHT; i++) {
      timings.started(GenerationTimings.key("g-" + i, "m"), i);
    }
    timings.started(GenerationTimings.key("g-0", "m"), 5); // a known generation may restart

    assertThat(timings.running()).isEqualTo(GenerationTimings.MAX_IN_FLIGHT);
    assertThat(timings.token(GenerationTimings.key("g-0", "m"), 7)).hasValue(new GenerationTimings.TokenGap(2, true));
  }

  @Test
  void errorsAreCountedByCode() {
    emitter.emitError(Events.error(ErrorCode.TIMEOUT, "slow"));
    emitter.emitError(Events.error(ErrorCode.TIMEOUT, "slow again"));
    emitter.emitError(ErrorEventBuilder.builder().error("no code").build());

    assertThat(counter(MeterNames.ERRORS, MeterNames.TAG_CODE, "timeout")).isEqualTo(2);
    assertThat(counter(MeterNames.ERRORS, MeterNames.TAG_CODE, MeterNames.NO_CODE)).isEqualTo(1);
  }

  @Test
  void rejectionsAreCountedByClaimedTypeFirstCodeAndSource() {
    emitter.emit("runtimeStatus", map("status", "starting", "modelsLoaded", -1), Source.FILE);
    emitter.emit("no-such-type", map(), Source.CONSUMER);

    assertThat(registry.get(MeterNames.EVENTS_REJECTED).tags(MeterNames.TAG_TYPE, "runtimeStatus",
        MeterNames.TAG_CODE, "invalid_value", MeterNames.TAG_SOURCE, "file").counter().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.EVENTS_REJECTED).tags(MeterNames.TAG_TYPE, MeterNames.UNKNOWN_TYPE,
        MeterNames.TAG_SOURCE, "consumer").counter().count()).isEqualTo(1);
    assertThat(meters.totalsBy(MeterNames.EVENTS_REJECTED, MeterNames.TAG_CODE))
        .containsExactly(java.util.Map.entry("invalid_value", 2L));
  }

  @Test
  void statusEventsAreCountedOnly() {
    emitter.emitRuntimeStatus(Events.runtimeStatus(RuntimeStatus.SHUTDOWN, 0));

    assertThat(counter(MeterNames.EVENTS_EMITTED, MeterNames.TAG_TYPE, "runtimeStatus")).isEqualTo(1);
  }

  @Test
  void waitingRequestsAreReadFromTheEnginesQueue() {
    assertThat(gauge(MeterNames.REQUESTS_WAITING)).isZero();

    meters.trackRequestsWaiting(() -> 7);
    assertThat(gauge(MeterNames.REQUESTS_WAITING)).isEqualTo(7);
    meters.trackRequestsWaiting(() -> -1);
    assertThat(gauge(MeterNames.REQUESTS_WAITING)).isZero();
  }

  @Test
  void subscriberDropsAndFailuresAreSummedOverEveryBoundFanOut() {
    SubscriberStats other = new SubscriberStats();
    meters.bindSubscriberStats(other);
    meters.bindSubscriberStats(other);
    other.recordDrops(3);
    emitter.subscriberStats().recordDrops(2);
    emitter.subscriberStats().recordFailure();

    assertThat(registry.get(MeterNames.SUBSCRIBER_DROPS).functionCounter().count()).isEqualTo(5);
    assertThat(registry.get(MeterNames.SUBSCRIBER_FAILURES).functionCounter().count()).isEqualTo(1);
    assertThat(meters.subscriberDrops()).isEqualTo(5);
  }

  @Test
  void aDetachedEmitterIsNoLongerCounted() {
    EngineEventEmitter second = new EngineEventEmitter();
    Subscription attached = meters.attach(second);
    second.subscriberStats().recordDrops(4);
    second.emitModelLoaded(Events.modelLoaded("m"));

    attached.close();
    second.emitModelLoaded(Events.modelLoaded("n"));

    assertThat(meters.total(MeterNames.MODEL_LOADS)).isEqualTo(1);
    assertThat(meters.subscriberDrops()).isZero();
    assertThat(attached.dropped()).isZero();
  }

  @Test
  void percentilesAreNearestRankOverOneInterval() {
    IntervalSamples samples = new IntervalSamples();
    assertThat(samples.drain().at(50)).isEmpty();
    for (int i = 100; i >= 1; i--) {
      samples.record(i);
    }

    IntervalSamples.Percentiles interval = samples.drain();

    assertThat(interval.at(50).getAsDouble()).isCloseTo(50, within(0.0));
    assertThat(interval.at(95).getAsDouble()).isCloseTo(95, within(0.0));
    assertThat(interval.at(100).getAsDouble()).isCloseTo(100, within(0.0));
    assertThat(interval.at(0.001).getAsDouble()).isCloseTo(1, within(0.0));
    assertThat(samples.drain().at(50)).isEmpty();
  }

  @Test
  void anIntervalKeepsAtMostItsCapacity() {
    IntervalSamples samples = new IntervalSamples();
    for (int i = 0; i < IntervalSamples.CAPACITY + 10; i++) {
      samples.record(i < IntervalSamples.CAPACITY ? 1 : 1_000);
    }

    assertThat(samples.drain().at(100)).hasValue(1);
  }

  @Test
  void runtimeRejectionsAreTaggedWithTheirProtocolMessageType() {
    dev.eventschema.engine.backend.external.protocol.InboundMessageReader reader =
        new dev.eventschema.engine.backend.external.protocol.InboundMessageReader();
    for (String line : List.of(
        "{\"jsonrpc\":\"2.0\",\"method\":\"stream.chunk\",\"params\":{\"stream_id\":\"s\",\"token\":5,\"token_id\":1,\"is_final\":false}}",
        "{\"jsonrpc\":\"2.0\",\"id\":4}",
        "not json",
        "{\"jsonrpc\":\"2.0\",\"method\":\"evil.method.name.that.is.unbounded\",\"params\":{}}")) {
      var rejected = (dev.eventschema.engine.backend.external.protocol.InboundMessage.Rejected) reader.read(line);
      emitter.reject(rejected.messageType(), rejected.payload(), rejected.violations(), Source.RUNTIME);
    }
    emitter.reject("modelLoaded", Map.of(), List.of(new dev.eventschema.Violation("/model",
        dev.eventschema.Violation.Code.MISSING, "is required")), Source.RUNTIME);

    java.util.Map<String, Double> byType = new java.util.TreeMap<>();
    registry.find(MeterNames.EVENTS_REJECTED).counters().forEach(counter ->
        byType.merge(counter.getId().getTag(MeterNames.TAG_TYPE), counter.count(), Double::sum));
    assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(
        "stream.chunk", 1.0, "response", 1.0, "unknown", 2.0, "modelLoaded", 1.0));
  }
}
