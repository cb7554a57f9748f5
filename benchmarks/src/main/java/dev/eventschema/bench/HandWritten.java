package dev.eventschema.bench;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.support.JsonValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The same rules as the generated validators, written by hand as plain {@code if} checks: the
 * practical limit a careful developer would reach. Same output too (paths, codes and messages), so
 * the benchmarks can check that both agree. The list is created at the first violation and messages
 * are built only then; regexes are {@code java.util.regex.Pattern}s compiled once, which is what
 * hand-written code uses.
 */
public final class HandWritten {

  private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern LABEL_NAME = Pattern.compile("(?!__)[a-zA-Z_][a-zA-Z0-9_]*");
  private static final String LABEL_NAME_RULE =
      "a Prometheus label name: a letter or '_', then letters, digits or '_', not starting with '__'";

  private HandWritten() {}

  public static List<Violation> validate(TokenGeneratedEvent event) {
    List<Violation> out = null;
    out = model(event.model(), out);
    if (event.token() == null) {
      out = add(out, "/token", Code.MISSING, "is required");
    }
    OptionalDouble logprob = event.logprob();
    if (logprob == null) {
      out = add(out, "/logprob", Code.MISSING, "must not be null; an absent value is Optional.empty()");
    } else if (logprob.isPresent()) {
      double value = logprob.getAsDouble();
      if (!Double.isFinite(value)) {
        out = add(out, "/logprob", Code.NOT_FINITE, "must be a finite number, was " + value);
      } else if (value > 0) {
        out = add(out, "/logprob", Code.TOO_BIG, "must be at most 0, was " + value);
      }
    }
    out = metadata(event.metadata(), out);
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  public static List<Violation> validate(GenerationCompletedEvent event) {
    List<Violation> out = null;
    out = model(event.model(), out);
    long tokens = event.tokensGenerated();
    if (tokens < 0) {
      out = add(out, "/tokensGenerated", Code.TOO_SMALL, "must be at least 0, was " + tokens);
    }
    double duration = event.durationMs();
    if (!Double.isFinite(duration)) {
      out = add(out, "/durationMs", Code.NOT_FINITE, "must be a finite number, was " + duration);
    } else if (duration < 0) {
      out = add(out, "/durationMs", Code.TOO_SMALL, "must be at least 0, was " + duration);
    }
    OptionalDouble throughput = event.throughput();
    if (throughput == null) {
      out = add(out, "/throughput", Code.MISSING, "must not be null; an absent value is Optional.empty()");
    } else if (throughput.isPresent()) {
      double value = throughput.getAsDouble();
      if (!Double.isFinite(value)) {
        out = add(out, "/throughput", Code.NOT_FINITE, "must be a finite number, was " + value);
      } else if (value < 0) {
        out = add(out, "/throughput", Code.TOO_SMALL, "must be at least 0, was " + value);
      }
    }
    out = metadata(event.metadata(), out);
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  public static List<Violation> validate(TelemetryConfig config) {
    List<Violation> out = null;
    Optional<String> serviceName = config.serviceName();
    if (serviceName == null) {
      out = add(out, "/serviceName", Code.MISSING, "must not be null; an absent value is Optional.empty()");
    } else if (serviceName.isPresent()) {
      String name = serviceName.get();
      int length = name.length();
      if (length < 1 || length > 100) {
        out = add(out, "/serviceName", length < 1 ? Code.TOO_SMALL : Code.TOO_BIG,
            "must have between 1 and 100 characters, had " + length);
      }
      if (!SERVICE_NAME.matcher(name).matches()) {
        out = add(out, "/serviceName", Code.INVALID_FORMAT,
            "letters, digits, hyphens and underscores only, was " + describe(name));
      }
    }
    OptionalInt port = config.prometheusPort();
    if (port == null) {
      out = add(out, "/prometheusPort", Code.MISSING, "must not be null; an absent value is Optional.empty()");
    } else if (port.isPresent()) {
      int value = port.getAsInt();
      if (value < 1024 || value > 65535) {
        out = add(out, "/prometheusPort", value < 1024 ? Code.TOO_SMALL : Code.TOO_BIG,
            "must be between 1024 and 65535, was " + value);
      }
    }
    OptionalLong interval = config.exportIntervalMs();
    if (interval == null) {
      out = add(out, "/exportIntervalMs", Code.MISSING, "must not be null; an absent value is Optional.empty()");
    } else if (interval.isPresent()) {
      long value = interval.getAsLong();
      if (value < 1000 || value > 600000) {
        out = add(out, "/exportIntervalMs", value < 1000 ? Code.TOO_SMALL : Code.TOO_BIG,
            "must be between 1000 and 600000, was " + value);
      }
    }
    Map<String, String> labels = config.labels();
    if (labels == null) {
      out = add(out, "/labels", Code.MISSING, "must not be null; an absent collection is empty");
    } else {
      if (labels.size() > 16) {
        out = add(out, "/labels", Code.TOO_BIG, "must have at most 16 entries, had " + labels.size());
      }
      for (Map.Entry<String, String> entry : labels.entrySet()) {
        String key = entry.getKey();
        String value = entry.getValue();
        if (key == null) {
          out = add(out, "/labels", Code.INVALID_TYPE, "keys must not be null");
          continue;
        }
        if (!LABEL_NAME.matcher(key).matches()) {
          out = add(out, "/labels/" + escape(key), Code.INVALID_FORMAT, LABEL_NAME_RULE + ", was " + describe(key));
        }
        if (value == null) {
          out = add(out, "/labels/" + escape(key), Code.MISSING, "must not be null");
          continue;
        }
        if (value.length() > 128) {
          out = add(out, "/labels/" + escape(key), Code.TOO_BIG,
              "must have at most 128 characters, had " + value.length());
        }
      }
    }
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  private static List<Violation> model(String model, List<Violation> out) {
    if (model == null) {
      return add(out, "/model", Code.MISSING, "is required");
    }
    if (model.isEmpty()) {
      out = add(out, "/model", Code.TOO_SMALL, "must not be empty");
    }
    if (model.length() > 256) {
      out = add(out, "/model", Code.TOO_BIG, "must have at most 256 characters, had " + model.length());
    }
    return out;
  }

  /** An open map of JSON values: walked by hand; only an invalid one is walked again for the details. */
  private static List<Violation> metadata(Map<String, Object> metadata, List<Violation> out) {
    if (metadata == null) {
      return add(out, "/metadata", Code.MISSING, "must not be null; an absent collection is empty");
    }
    if (isJsonObject(metadata, 1)) {
      return out;
    }
    List<Violation> details = JsonValues.check(metadata, "/metadata", null);
    if (details != null) {
      for (Violation violation : details) {
        out = add(out, violation.path(), violation.code(), violation.message());
      }
    }
    return out;
  }

  private static boolean isJsonObject(Map<?, ?> map, int depth) {
    if (depth > JsonValues.MAX_DEPTH) {
      return false;
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String) || !isJsonValue(entry.getValue(), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isJsonValue(Object value, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal
        || value instanceof Short || value instanceof Byte) {
      return true;
    }
    if (value instanceof Double || value instanceof Float) {
      return Double.isFinite(((Number) value).doubleValue());
    }
    if (value instanceof Map<?, ?> map) {
      return isJsonObject(map, depth);
    }
    if (value instanceof List<?> list) {
      if (depth > JsonValues.MAX_DEPTH) {
        return false;
      }
      for (Object item : list) {
        if (!isJsonValue(item, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static List<Violation> add(List<Violation> out, String path, Code code, String message) {
    List<Violation> list = out == null ? new ArrayList<>(4) : out;
    list.add(new Violation(path, code, message));
    return list;
  }

  private static String describe(String value) {
    return "'" + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "'";
  }

  private static String escape(String key) {
    return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key : key.replace("~", "~0").replace("/", "~1");
  }
}
