package dev.eventschema.engine.telemetry;

import dev.eventschema.Violation;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigValidator;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.SubscriberStats;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotBuilder;
import dev.eventschema.engine.http.HttpPolicy;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Connects the engine to Prometheus: validates its {@link TelemetryConfig} first (fail fast, every
 * violation listed), then, when enabled, keeps the {@link EngineMeters} in a
 * {@link PrometheusMeterRegistry}, serves them on {@code /metrics} once {@link #start() started},
 * and publishes a {@link TelemetrySnapshot} every {@code exportIntervalMs}. Other registries (an
 * OTLP push, say) can keep the same meters: {@link Builder#publishTo}. The meters are then registered
 * once, in a composite of them all, and each registry exports them its own way.
 *
 * <p>Disabled, it starts no server, keeps no meters and publishes no snapshots; everything else
 * still works, so the engine needs no special case.
 */
public final class TelemetryBridge implements AutoCloseable {

  private final TelemetryConfig config;
  private final InetAddress bindAddress;
  private final HttpPolicy httpPolicy;
  private final Optional<Telemetry> telemetry;
  private MetricsServer server;
  private final List<Subscription> attachments = new ArrayList<>();

  /** A bridge with {@code config}, bound to the loopback address. */
  public TelemetryBridge(TelemetryConfig config) {
    this(builder(config));
  }

  private TelemetryBridge(Builder builder) {
    this.config = validated(builder.config);
    this.bindAddress = builder.bindAddress;
    this.httpPolicy = builder.httpPolicy;
    this.telemetry = config.enabled()
        ? Optional.of(new Telemetry(config, builder.clock, builder.otherRegistries))
        : Optional.empty();
  }

  public static Builder builder(TelemetryConfig config) {
    return new Builder(config);
  }

  /**
   * Serves {@code /metrics} and starts the snapshots. Does nothing when disabled or already started.
   *
   * @throws EngineException with code {@code RUNTIME_ERROR}, naming the port, when it is in use
   */
  public synchronized TelemetryBridge start() {
    telemetry.filter(t -> server == null).ifPresent(t -> {
      server = MetricsServer.start(t.registry, bindAddress, config.prometheusPortOrDefault(), httpPolicy);
      t.snapshots.start();
    });
    return this;
  }

  /** Feeds the meters from {@code emitter}; a no-op when disabled. */
  public synchronized Subscription attach(EngineEventEmitter emitter) {
    Objects.requireNonNull(emitter, "emitter");
    Subscription subscription = telemetry.map(t -> t.meters.attach(emitter)).orElse(NOTHING);
    attachments.add(subscription);
    return subscription;
  }

  /** Receives every snapshot, on the snapshot thread. None arrive when disabled. */
  public Subscription subscribeSnapshots(Consumer<? super TelemetrySnapshot> listener) {
    return telemetry.map(t -> t.snapshots.subscribe(listener)).orElse(NOTHING);
  }

  /** Receives every snapshot on a thread of its own, through a bounded queue that drops when full. */
  public Subscription subscribeSnapshotsAsync(int queueCapacity, Consumer<? super TelemetrySnapshot> listener) {
    return telemetry.map(t -> t.snapshots.subscribeAsync(queueCapacity, listener)).orElse(NOTHING);
  }

  /**
   * Lets {@code section} add its own fields to every snapshot (the Kafka sink its counts), on the
   * snapshot thread, until the subscription is closed; a no-op when disabled. A section that throws
   * is logged and the snapshot goes without it.
   */
  public Subscription addSnapshotSection(Consumer<? super TelemetrySnapshotBuilder> section) {
    Objects.requireNonNull(section, "section");
    return telemetry.map(t -> t.snapshots.addSection(section)).orElse(NOTHING);
  }

  /** Takes and publishes a snapshot now, as the schedule does; empty when disabled. */
  public Optional<TelemetrySnapshot> publishSnapshot() {
    return telemetry.map(t -> t.snapshots.publish());
  }

  public TelemetryConfig config() {
    return config;
  }

  public boolean isEnabled() {
    return telemetry.isPresent();
  }

  /** The meters; empty when disabled. */
  public Optional<EngineMeters> meters() {
    return telemetry.map(t -> t.meters);
  }

  /** The Prometheus registry; empty when disabled. */
  public Optional<PrometheusMeterRegistry> registry() {
    return telemetry.map(t -> t.registry);
  }

  /**
   * Where the engine's meters are registered: the composite of the Prometheus registry and those
   * given to {@link Builder#publishTo}. A meter registered here reaches them all. Empty when disabled.
   */
  public Optional<MeterRegistry> meterRegistry() {
    return telemetry.map(t -> t.all);
  }

  /** The port {@code /metrics} is served on; empty when disabled or not started. */
  public synchronized Optional<Integer> port() {
    return Optional.ofNullable(server).map(MetricsServer::port);
  }

  /** Stops the server and the snapshots, detaches from the emitters, and closes the registry. */
  @Override
  public synchronized void close() {
    attachments.forEach(Subscription::close);
    attachments.clear();
    if (server != null) {
      server.close();
      server = null;
    }
    telemetry.ifPresent(Telemetry::close);
  }

  private static TelemetryConfig validated(TelemetryConfig config) {
    Objects.requireNonNull(config, "config");
    List<Violation> violations = TelemetryConfigValidator.INSTANCE.validate(config);
    if (!violations.isEmpty()) {
      throw EngineException.ofViolations(ErrorCode.INVALID_CONFIG, "telemetry config", violations);
    }
    return config;
  }

  private static final Subscription NOTHING = Subscription.of(() -> { });

  /** What exists only while telemetry is enabled. */
  private static final class Telemetry implements AutoCloseable {
    final PrometheusMeterRegistry registry;
    final CompositeMeterRegistry all;
    final EngineMeters meters;
    final TelemetrySnapshots snapshots;
    final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    Telemetry(TelemetryConfig config, Clock clock, List<MeterRegistry> otherRegistries) {
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
      // common tags first: a meter registered before them would lack them
      registry.config().commonTags(commonTags(config));
      PrometheusNaming.apply(registry);
      // the children before any meter, so that each meter is in every registry from the start
      all = new CompositeMeterRegistry(clock);
      all.add(registry);
      otherRegistries.forEach(all::add);
      new ClassLoaderMetrics().bindTo(all);
      new JvmMemoryMetrics().bindTo(all);
      gcMetrics.bindTo(all);
      new JvmThreadMetrics().bindTo(all);
      new ProcessorMetrics().bindTo(all);
      new UptimeMetrics().bindTo(all);
      meters = new EngineMeters(all);
      SubscriberStats snapshotStats = new SubscriberStats();
      meters.bindSubscriberStats(snapshotStats);
      snapshots = new TelemetrySnapshots(meters, clock, config.exportIntervalMsOrDefault(), snapshotStats);
    }

    private static List<Tag> commonTags(TelemetryConfig config) {
      List<Tag> tags = new ArrayList<>();
      tags.add(Tag.of(MeterNames.TAG_SERVICE, config.serviceNameOrDefault()));
      config.labels().forEach((name, value) -> tags.add(Tag.of(name, value)));
      return tags;
    }

    /** Closes the Prometheus registry; the others belong to whoever gave them, and close with them. */
    @Override
    public void close() {
      snapshots.close();
      gcMetrics.close();
      registry.close();
      all.close();
    }
  }

  /** Options of a bridge beyond its config. */
  public static final class Builder {
    private final TelemetryConfig config;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private Clock clock = Clock.SYSTEM;
    private HttpPolicy httpPolicy = HttpPolicy.defaults();
    private final List<MeterRegistry> otherRegistries = new ArrayList<>();

    private Builder(TelemetryConfig config) {
      this.config = config;
    }

    /** The address {@code /metrics} is bound to; the loopback address (127.0.0.1) by default. */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Who may read {@code /metrics}: the same policy as the event stream's (Host allow-list, token);
     * {@link HttpPolicy#defaults()} (loopback names, no token) by default.
     */
    public Builder httpPolicy(HttpPolicy policy) {
      this.httpPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Another registry that keeps the engine's meters beside Prometheus, such as an OTLP push
     * registry; it keeps its own common tags and naming. Not closed by the bridge: its owner closes
     * it, once the engine has stopped, so that its last push holds the final values. Ignored when
     * telemetry is disabled.
     */
    public Builder publishTo(MeterRegistry registry) {
      otherRegistries.add(Objects.requireNonNull(registry, "registry"));
      return this;
    }

    /** The clock of the meters and snapshots; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The bridge.
     *
     * @throws EngineException with code {@code INVALID_CONFIG} listing every violation of the config
     */
    public TelemetryBridge build() {
      return new TelemetryBridge(this);
    }
  }
}
