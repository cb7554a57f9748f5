package dev.eventschema.monitor.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pretty-prints a JSON value as styled spans, each knowing the JSON Pointer of the value it belongs
 * to, so that the paths named by violations can be highlighted. A required key that is missing is
 * shown as a ghost line {@code "key": ‹missing›} in its object.
 */
public final class JsonLayout {

  /** One run of text with a style class; {@code highlighted} when a violation points at it. */
  public record Span(String text, String style, String path, boolean highlighted) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDENT = "  ";

  private final Set<String> paths = new TreeSet<>();
  private final Map<String, List<String>> missingByParent = new LinkedHashMap<>();
  private final List<Span> spans = new ArrayList<>();

  private JsonLayout(Collection<Violation> violations) {
    for (Violation v : violations) {
      if (v.code() == Violation.Code.MISSING && !v.path().isEmpty()) {
        int slash = v.path().lastIndexOf('/');
        missingByParent.computeIfAbsent(v.path().substring(0, slash), k -> new ArrayList<>())
            .add(unescape(v.path().substring(slash + 1)));
      } else {
        paths.add(v.path());
      }
    }
  }

  /** The spans of {@code value} with the paths of {@code violations} highlighted. */
  public static List<Span> layout(Object value, Collection<Violation> violations) {
    JsonLayout layout = new JsonLayout(violations);
    layout.value(value, "", 0, false);
    return layout.spans;
  }

  /** The plain text of spans. */
  public static String text(List<Span> spans) {
    StringBuilder sb = new StringBuilder();
    for (Span s : spans) {
      sb.append(s.text());
    }
    return sb.toString();
  }

  private void add(String text, String style, String path, boolean highlighted) {
    spans.add(new Span(text, style, path, highlighted));
  }

  private void value(Object value, String path, int depth, boolean inherited) {
    boolean hl = inherited || paths.contains(path);
    if (value instanceof Map<?, ?> map) {
      object(map, path, depth, hl);
    } else if (value instanceof List<?> list) {
      array(list, path, depth, hl);
    } else if (value instanceof String s) {
      add(quote(s), "json-string", path, hl);
    } else if (value instanceof Number || value instanceof Boolean) {
      add(String.valueOf(value), value instanceof Boolean ? "json-literal" : "json-number", path, hl);
    } else if (value == null) {
      add("null", "json-literal", path, hl);
    } else {
      add(String.valueOf(value), "json-string", path, hl);
    }
  }

  private void object(Map<?, ?> map, String path, int depth, boolean hl) {
    List<String> missing = missingByParent.getOrDefault(path, List.of());
    if (map.isEmpty() && missing.isEmpty()) {
      add("{}", "json-punct", path, hl);
      return;
    }
    add("{", "json-punct", path, hl);
    int count = map.size() + missing.size();
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String child = path + "/" + escape(key);
      add("\n" + INDENT.repeat(depth + 1), "json-punct", path, hl);
      add(quote(key), "json-key", child, hl || paths.contains(child));
      add(": ", "json-punct", path, hl);
      value(e.getValue(), child, depth + 1, hl || paths.contains(child));
      if (++i < count) {
        add(",", "json-punct", path, hl);
      }
    }
    for (String key : missing) {
      String child = path + "/" + escape(key);
      add("\n" + INDENT.repeat(depth + 1), "json-punct", path, hl);
      spans.add(new Span(quote(key) + ": ‹missing›", "json-missing", child, true));
      if (++i < count) {
        add(",", "json-punct", path, hl);
      }
    }
    add("\n" + INDENT.repeat(depth) + "}", "json-punct", path, hl);
  }

  private void array(List<?> list, String path, int depth, boolean hl) {
    if (list.isEmpty()) {
      add("[]", "json-punct", path, hl);
      return;
    }
    add("[", "json-punct", path, hl);
    for (int i = 0; i < list.size(); i++) {
      add("\n" + INDENT.repeat(depth + 1), "json-punct", path, hl);
      value(list.get(i), path + "/" + i, depth + 1, hl);
      if (i < list.size() - 1) {
        add(",", "json-punct", path, hl);
      }
    }
    add("\n" + INDENT.repeat(depth) + "]", "json-punct", path, hl);
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      return '"' + s + '"';
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
