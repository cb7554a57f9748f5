package dev.eventschema.monitor.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One-line descriptions of event payloads for the events table (computed off the FX thread). */
public final class Summaries {

  private Summaries() {}

  public static String of(String type, Map<String, Object> p) {
    return switch (type) {
      case "modelLoaded" -> "loaded from " + str(p.get("modelPath"))
          + opt(p.get("quantization"), q -> " · " + q)
          + opt(p.get("parameters"), n -> " · " + count(((Number) n).longValue()) + " parameters");
      case "modelUnloaded" -> "unloaded" + opt(p.get("reason"), r -> ": " + r);
      case "modelInvalidated" -> "invalidated: " + str(p.get("reason"));
      case "generationStarted" -> "prompt " + prompt(p.get("prompt"))
          + opt(p.get("maxTokens"), n -> " · max " + n + " tokens");
      case "tokenGenerated" -> {
        String token = str(p.get("token"));
        yield (token.isEmpty() ? "end of sequence" : quote(token))
            + opt(p.get("logprob"), l -> " · logprob " + fixed(((Number) l).doubleValue(), 3));
      }
      case "generationCompleted" -> p.get("tokensGenerated") + " tokens in "
          + Math.round(((Number) p.get("durationMs")).doubleValue()) + " ms"
          + opt(p.get("throughput"), t -> " · " + fixed(((Number) t).doubleValue(), 1) + " tokens/s");
      case "error" -> opt(p.get("code"), c -> "[" + c + "] ") + str(p.get("error"));
      case "runtimeStatus" -> str(p.get("status")) + " · " + p.get("modelsLoaded") + " models loaded"
          + opt(p.get("activeTasks"), a -> " · " + a + " active");
      default -> "";
    };
  }

  /** {@code value} with exactly {@code decimals} decimals, without the cost of String.format. */
  static String fixed(double value, int decimals) {
    if (!Double.isFinite(value) || Math.abs(value) > 1e15) {
      return Double.toString(value);
    }
    long scale = decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    long scaled = Math.round(Math.abs(value) * scale);
    String digits = Long.toString(scaled % scale);
    String frac = "0".repeat(Math.max(0, decimals - digits.length())) + digits;
    return (value < 0 && scaled != 0 ? "-" : "") + (scaled / scale) + "." + frac;
  }

  /** A short form of a prompt: a string, a template or a multimodal list of parts. */
  static String prompt(Object prompt) {
    if (prompt instanceof String s) {
      return quote(s);
    }
    if (prompt instanceof Map<?, ?> m) {
      Object type = m.get("type");
      if ("text".equals(type)) {
        return quote(str(m.get("text")));
      }
      if ("template".equals(type)) {
        return "template " + quote(str(m.get("template")));
      }
      if ("multimodal".equals(type) && m.get("parts") instanceof List<?> parts) {
        return "multimodal (" + parts.size() + " parts)";
      }
    }
    return String.valueOf(prompt);
  }

  static String quote(String s) {
    String oneLine = s.replace("\n", "⏎").replace("\r", "").replace("\t", " ");
    return "“" + (oneLine.length() > 80 ? oneLine.substring(0, 79) + "…" : oneLine) + "”";
  }

  /** 1234567 as 1.23M. */
  public static String count(long n) {
    if (n >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.2fB", n / 1e9);
    }
    if (n >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.2fM", n / 1e6);
    }
    if (n >= 10_000L) {
      return String.format(Locale.ROOT, "%.1fk", n / 1e3);
    }
    return Long.toString(n);
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String opt(Object o, java.util.function.Function<Object, String> f) {
    return o == null ? "" : f.apply(o);
  }
}
