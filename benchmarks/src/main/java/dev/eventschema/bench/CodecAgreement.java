package dev.eventschema.bench;

import dev.eventschema.ParseResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link CodecBenchmark}'s set-up checks: every reader got the same content from the same bytes,
 * every writer writes that content, and each invalid payload has exactly three violations. Content
 * is compared as the map that the written bytes read back into, leaving out {@code null}s and empty
 * maps, which the binders write and the wire form leaves out.
 */
final class CodecAgreement {

  private CodecAgreement() {}

  static void check(CodecBenchmark b) throws Exception {
    same("token", valid(b.token_parse_codec()), b.token_write_codec(), b.token_write_jackson(),
        b.token_write_dslJson(), b.token_write_avajeJsonb());
    same("completed", valid(b.completed_parse_codec()), b.completed_write_codec(), b.completed_write_jackson(),
        b.completed_write_dslJson(), b.completed_write_avajeJsonb());
    same("telemetry", valid(b.telemetry_parse_codec()), b.telemetry_write_codec(), b.telemetry_write_jackson(),
        b.telemetry_write_dslJson(), b.telemetry_write_avajeJsonb());
    Agreement.require(!(b.token_parse_jacksonHibernate() instanceof java.util.Set<?>), "token: Hibernate Validator");
    Agreement.require(!(b.completed_parse_jacksonHibernate() instanceof java.util.Set<?>), "completed: HV");
    Agreement.require(!(b.telemetry_parse_jacksonHibernate() instanceof java.util.Set<?>), "telemetry: HV");
    three("token", b.token_parseInvalid_codec());
    three("completed", b.completed_parseInvalid_codec());
    three("telemetry", b.telemetry_parseInvalid_codec());
  }

  private static Object valid(ParseResult<?> result) {
    Agreement.require(result instanceof ParseResult.Valid<?>, "the codec rejected a valid payload: " + result);
    return result;
  }

  private static void three(String what, ParseResult<?> result) {
    Agreement.require(result.violations().size() == 3, what + ": expected 3 violations, the codec found "
        + result.violations());
  }

  /** The codec's bytes (written from the value it read) and each peer's (from the value it read) agree. */
  private static void same(String what, Object ignored, byte[] codec, byte[] jackson, byte[] dslJson, byte[] jsonb)
      throws Exception {
    Map<String, Object> expected = wireContent(codec);
    for (Map.Entry<String, byte[]> peer : Map.of("Jackson", jackson, "DSL-JSON", dslJson, "avaje-jsonb", jsonb)
        .entrySet()) {
      Map<String, Object> actual = wireContent(peer.getValue());
      Agreement.require(expected.equals(actual), what + ": " + peer.getKey() + " wrote " + actual + ", the codec "
          + expected);
    }
  }

  private static Map<String, Object> wireContent(byte[] json) throws Exception {
    Map<String, Object> content = new LinkedHashMap<>(CodecBenchmark.content(json));
    content.values().removeIf(v -> v == null || v instanceof Map<?, ?> map && map.isEmpty());
    return content;
  }
}
