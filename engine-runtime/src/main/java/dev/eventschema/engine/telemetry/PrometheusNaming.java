package dev.eventschema.engine.telemetry;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.lang.management.ManagementFactory;

/**
 * Keeps the exposition clean for {@code promtool check metrics}: two of Micrometer's
 * {@code ProcessorMetrics} names break its rules, so they are replaced before the binders run.
 * <ul>
 *   <li>{@code process.cpu.time} in nanoseconds shows as {@code process_cpu_time_ns_total} ("metric
 *       names should not contain abbreviated units"): it is replaced by the Prometheus client's
 *       standard {@code process_cpu_seconds_total}, in seconds.
 *   <li>{@code system.cpu.count} shows as {@code system_cpu_count} ("non-histogram and non-summary
 *       metrics should not have a _count suffix"): it is renamed {@code system_cpus_available}.
 * </ul>
 */
final class PrometheusNaming {

  static final String MICROMETER_CPU_TIME = "process.cpu.time";
  static final String MICROMETER_CPU_COUNT = "system.cpu.count";
  static final String CPU_SECONDS = "process.cpu";
  static final String CPUS_AVAILABLE = "system.cpus.available";

  private PrometheusNaming() {}

  /** Installs the filters on {@code registry}; call before any binder. */
  static void apply(MeterRegistry registry) {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        return id.getName().equals(MICROMETER_CPU_TIME) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
      }

      @Override
      public Meter.Id map(Meter.Id id) {
        return id.getName().equals(MICROMETER_CPU_COUNT) ? id.withName(CPUS_AVAILABLE) : id;
      }
    });
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        && os.getProcessCpuTime() >= 0) {
      FunctionCounter.builder(CPU_SECONDS, os, bean -> bean.getProcessCpuTime() / 1e9)
          .baseUnit("seconds")
          .description("CPU time used by the Java Virtual Machine process")
          .register(registry);
    }
  }
}
