package dev.eventschema.engine.export.otlp;

import dev.eventschema.engine.config.OtlpSettings;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the exports go: the collector's two OTLP/HTTP paths under the configured endpoint, and the
 * headers sent with each. The config schema has checked the endpoint's form and the headers' names;
 * what it cannot say, this checks once, at start: that the endpoint parses as a URL with a host, that
 * no header is one the HTTP client sets itself, and that the header values are printable ASCII (here
 * rather than in the schema, whose message would print the value, often a secret).
 *
 * @param metrics the endpoint plus {@code /v1/metrics}
 * @param logs the endpoint plus {@code /v1/logs}
 * @param headers the headers, as configured
 */
record OtlpTarget(URI metrics, URI logs, Map<String, String> headers) {

  /**
   * Headers the JDK's HTTP client refuses or the exporters write: set by hand, every export would
   * fail, so they are refused at start.
   */
  private static final Set<String> RESERVED_HEADERS =
      Set.of("connection", "content-length", "content-type", "expect", "host", "upgrade", "content-encoding");

  OtlpTarget {
    headers = Map.copyOf(headers);
  }

  /**
   * The target of {@code settings}.
   *
   * @throws EngineException {@code INVALID_CONFIG} naming {@code otlp.endpoint} or the header, the rule
   *     and the value (a header's name only: its value may be a secret)
   */
  static OtlpTarget of(OtlpSettings settings) {
    String endpoint = settings.endpoint();
    URI base;
    try {
      base = new URI(endpoint);
    } catch (URISyntaxException e) {
      throw invalid("otlp.endpoint must be a URL, was '" + endpoint + "': " + e.getReason() + " at index " + e.getIndex());
    }
    if (base.getHost() == null) {
      throw invalid("otlp.endpoint must name a host, such as http://127.0.0.1:4318, was '" + endpoint + "'");
    }
    if (base.getRawQuery() != null || base.getRawFragment() != null) {
      throw invalid("otlp.endpoint is a base URL without query or fragment (the exports add /v1/metrics and"
          + " /v1/logs to it), was '" + endpoint + "'");
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    settings.headers().forEach((name, value) -> {
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw invalid("otlp.headers must not set '" + name + "': the exporter sets it itself");
      }
      if (!value.chars().allMatch(c -> c >= ' ' && c <= '~')) {
        throw invalid("otlp.headers value of '" + name + "' must be printable ASCII characters (the value is not"
            + " shown: it may be a secret)");
      }
      if (headers.put(name, value) != null) {
        throw invalid("otlp.headers has '" + name + "' twice (header names ignore case)");
      }
    });
    String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    String root = base.getScheme() + "://" + base.getRawAuthority() + path;
    return new OtlpTarget(URI.create(root + "/v1/metrics"), URI.create(root + "/v1/logs"), headers);
  }

  private static EngineException invalid(String message) {
    return new EngineException(ErrorCode.INVALID_CONFIG, message);
  }
}
