package dev.eventschema.monitor.fleet;

import dev.eventschema.monitor.client.ConnectionStatus;

/**
 * What the fleet's consumer reports, immutable, published by its thread.
 *
 * @param state the connection to the brokers, in the states an SSE connection has
 * @param detail the state in words, such as why the broker cannot be reached
 * @param partitions partitions read (of the events and rejections topics)
 * @param records records consumed
 * @param consumerRejections records the dashboard refused (invalid, unknown schema, not a CloudEvent)
 * @param beyondLimit records of engines found after {@link FleetEngines#MAX_ENGINES}, not shown
 * @param held records consumed but waiting for room in an engine's inbox (the FX thread is behind)
 * @param pauses times the consumer paused its partitions because an inbox was full
 * @param lag records in the topics not read yet, or -1 before it is known
 * @param reconnects times the brokers answered again after they had not
 */
public record FleetStatus(ConnectionStatus.State state, String detail, int partitions, long records,
    long consumerRejections, long beyondLimit, int held, long pauses, long lag, int reconnects) {

  public static FleetStatus initial(FleetSource source) {
    return new FleetStatus(ConnectionStatus.State.CONNECTING, "Connecting to " + source.bootstrap() + "…", 0, 0, 0,
        0, 0, 0, -1, 0);
  }

  FleetStatus with(ConnectionStatus.State newState, String newDetail) {
    return new FleetStatus(newState, newDetail, partitions, records, consumerRejections, beyondLimit, held, pauses,
        lag, reconnects);
  }
}
