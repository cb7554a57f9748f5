package dev.eventschema.monitor.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eventschema.Violation;
import dev.eventschema.monitor.client.StreamMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events and rejections as pretty-printed JSON: for the details panes, the clipboard and export files. */
public final class JsonText {

  static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonText() {}

  /** An event's envelope as it came over the wire: seq, time, type, generationId, payload. */
  public static String event(StreamMessage.Event e) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("seq", e.seq());
    envelope.put("time", e.time().toString());
    envelope.put("type", e.type());
    if (e.generationId() != null) {
      envelope.put("generationId", e.generationId());
    }
    envelope.put("payload", e.payload());
    return pretty(envelope);
  }

  /** One rejection, pretty-printed in its wire-like form. */
  public static String rejection(StreamMessage.Rejection r) {
    return pretty(toMap(r));
  }

  /** The wire-like form of one rejection: seq, time, eventType, source, violations, payload. */
  public static Map<String, Object> toMap(StreamMessage.Rejection r) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("seq", r.seq());
    map.put("time", r.time() == null ? null : r.time().toString());
    map.put("eventType", r.eventType());
    map.put("source", r.source());
    List<Map<String, Object>> violations = new ArrayList<>();
    for (Violation v : r.violations()) {
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("path", v.path());
      vm.put("code", v.code().wireName());
      vm.put("message", v.message());
      violations.add(vm);
    }
    map.put("violations", violations);
    map.put("payload", r.payload());
    return map;
  }

  private static String pretty(Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value); // a payload Jackson cannot write is still worth showing
    }
  }
}
