package dev.eventschema.processor.rendering;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as pretty-printed JSON (two-space indent). */
final class Json {

  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    if (value instanceof Map<?, ?> map) {
      writeEntries(map.entrySet().iterator(), map.isEmpty(), '{', '}', out, indent, true);
    } else if (value instanceof List<?> list) {
      boolean inline = list.stream().allMatch(v -> !(v instanceof Map<?, ?>) && !(v instanceof List<?>));
      if (inline) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          write(list.get(i), out, indent);
        }
        out.append(']');
      } else {
        writeEntries(list.iterator(), list.isEmpty(), '[', ']', out, indent, false);
      }
    } else if (value instanceof String s) {
      quote(s, out);
    } else {
      out.append(value);
    }
  }

  private static void writeEntries(Iterator<?> items, boolean empty, char open, char close, StringBuilder out,
      String indent, boolean entries) {
    out.append(open);
    if (empty) {
      out.append(close);
      return;
    }
    String inner = indent + "  ";
    while (items.hasNext()) {
      Object item = items.next();
      out.append('\n').append(inner);
      if (entries) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
        quote(String.valueOf(entry.getKey()), out);
        out.append(": ");
        write(entry.getValue(), out, inner);
      } else {
        write(item, out, inner);
      }
      if (items.hasNext()) {
        out.append(',');
      }
    }
    out.append('\n').append(indent).append(close);
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
