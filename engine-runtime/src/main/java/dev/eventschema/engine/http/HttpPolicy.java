package dev.eventschema.engine.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may ask what of the engine's HTTP servers: one policy for the event stream and {@code /metrics}
 * alike, applied to every request by a {@link GuardedHandler}.
 *
 * @param token when present, every request needs {@code Authorization: Bearer <token>}
 * @param allowedHosts names answered in the {@code Host} header beside the loopback literals,
 *     {@code localhost} and the bound address (see {@link HostAllowList})
 * @param maxHeaderBytes the most a request's header lines may hold (names, values and separators);
 *     more is answered {@code 431}
 * @param maxRequestsPerClient requests (streams included) one client address may have in progress at
 *     once; more are answered {@code 429}
 */
public record HttpPolicy(Optional<String> token, List<String> allowedHosts, int maxHeaderBytes,
    int maxRequestsPerClient) {

  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  /** Half of {@link JdkHttpServerSettings#DEFAULT_MAX_CONNECTIONS}: one client never holds them all. */
  public static final int DEFAULT_MAX_REQUESTS_PER_CLIENT = 256;

  public HttpPolicy {
    Objects.requireNonNull(token, "token");
    allowedHosts = List.copyOf(Objects.requireNonNull(allowedHosts, "allowedHosts"));
    token.ifPresent(BearerToken::of); // checks it
    if (maxHeaderBytes < 1024 || maxHeaderBytes > JdkHttpServerSettings.HARD_MAX_HEADER_BYTES / 2) {
      throw new IllegalArgumentException("maxHeaderBytes must be between 1024 and "
          + JdkHttpServerSettings.HARD_MAX_HEADER_BYTES / 2 + ", was " + maxHeaderBytes);
    }
    if (maxRequestsPerClient < 1) {
      throw new IllegalArgumentException("maxRequestsPerClient must be >= 1, was " + maxRequestsPerClient);
    }
  }

  /** No token, no further names, the default limits. */
  public static HttpPolicy defaults() {
    return new HttpPolicy(Optional.empty(), List.of(), DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_REQUESTS_PER_CLIENT);
  }

  public HttpPolicy withToken(Optional<String> newToken) {
    return new HttpPolicy(newToken, allowedHosts, maxHeaderBytes, maxRequestsPerClient);
  }

  public HttpPolicy withAllowedHosts(List<String> names) {
    return new HttpPolicy(token, names, maxHeaderBytes, maxRequestsPerClient);
  }

  public HttpPolicy withMaxRequestsPerClient(int max) {
    return new HttpPolicy(token, allowedHosts, maxHeaderBytes, max);
  }

  @Override
  public String toString() {
    return "HttpPolicy[token=" + token.map(t -> "<redacted>").orElse("none") + ", allowedHosts=" + allowedHosts
        + ", maxHeaderBytes=" + maxHeaderBytes + ", maxRequestsPerClient=" + maxRequestsPerClient + "]";
  }
}
