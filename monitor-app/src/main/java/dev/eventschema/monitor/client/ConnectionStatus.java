package dev.eventschema.monitor.client;

/**
 * What the dashboard shows about one connection; immutable, published by the client thread.
 *
 * @param detail the state in words, such as why the last attempt failed
 * @param attempt reconnection attempts since the last successful connection
 * @param retryAtMillis wall-clock time of the next attempt while {@link State#RECONNECTING}, else 0
 * @param lastSeq the last sequence number received (0 before the first)
 * @param missed messages never received (gaps in the sequence, including those the engine reported as dropped)
 * @param reportedDropped messages the engine said it could not send to this client
 * @param reconnects successful connections after the first
 * @param restarts times the engine's sequence started over (the engine was restarted)
 */
public record ConnectionStatus(State state, String detail, int attempt, long retryAtMillis, long lastSeq,
    long missed, long reportedDropped, int reconnects, int restarts, long received) {

  /** The connection states. */
  public enum State {
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    RECONNECTING("Reconnecting"),
    FAILED("Disconnected"),
    CLOSED("Closed");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /** The state as shown to people. */
    public String label() {
      return label;
    }
  }

  public static ConnectionStatus initial() {
    return new ConnectionStatus(State.CONNECTING, "Connecting…", 0, 0, 0, 0, 0, 0, 0, 0);
  }

  ConnectionStatus with(State newState, String newDetail, int newAttempt, long newRetryAt) {
    return new ConnectionStatus(newState, newDetail, newAttempt, newRetryAt, lastSeq, missed, reportedDropped,
        reconnects, restarts, received);
  }
}
