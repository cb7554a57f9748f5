package dev.eventschema.processor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, tiny JSON (RFC 8259) reader for checking generated JSON Schemas: objects become
 * {@link LinkedHashMap}s (in document order), arrays {@link ArrayList}s, numbers {@link Long} when
 * integral and {@link BigDecimal} otherwise. Duplicate keys and trailing text are errors.
 */
final class MiniJson {

  private final String text;
  private int at;

  private MiniJson(String text) {
    this.text = text;
  }

  /** Parses {@code text}, throwing {@link IllegalArgumentException} if it is not one JSON value. */
  static Object parse(String text) {
    MiniJson json = new MiniJson(text);
    Object value = json.value();
    json.skipWhitespace();
    if (json.at != text.length()) {
      throw json.error("trailing text");
    }
    return value;
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("not a JSON object: " + text);
    }
    return (Map<String, Object>) value;
  }

  private Object value() {
    skipWhitespace();
    if (at >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected '" + c + "'");
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> object = new LinkedHashMap<>();
    at++;
    skipWhitespace();
    if (peek('}')) {
      at++;
      return object;
    }
    while (true) {
      skipWhitespace();
      if (!peek('"')) {
        throw error("expected a key");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      if (object.containsKey(key)) {
        throw error("duplicate key '" + key + "'");
      }
      object.put(key, value());
      skipWhitespace();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return object;
      }
    }
  }

  private List<Object> array() {
    List<Object> array = new ArrayList<>();
    at++;
    skipWhitespace();
    if (peek(']')) {
      at++;
      return array;
    }
    while (true) {
      array.add(value());
      skipWhitespace();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return array;
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    at++;
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      } else if (c < 0x20) {
        throw error("control character in string");
      } else if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("bad unicode escape");
          }
          out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> throw error("bad escape '\\" + e + "'");
      }
    }
  }

  private Object number() {
    int start = at;
    if (peek('-')) {
      at++;
    }
    digits();
    boolean integral = true;
    if (peek('.')) {
      integral = false;
      at++;
      digits();
    }
    if (peek('e') || peek('E')) {
      integral = false;
      at++;
      if (peek('+') || peek('-')) {
        at++;
      }
      digits();
    }
    String literal = text.substring(start, at);
    if (literal.matches("-?0\\d.*")) {
      throw error("leading zero in " + literal);
    }
    return integral ? (Object) Long.valueOf(literal) : new BigDecimal(literal);
  }

  private void digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    if (at == start) {
      throw error("expected a digit");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("expected " + word);
    }
    at += word.length();
    return value;
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private void skipWhitespace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private IllegalArgumentException error(String problem) {
    int from = Math.max(0, at - 30);
    int to = Math.min(text.length(), at + 30);
    return new IllegalArgumentException(problem + " at offset " + at + ": ..." + text.substring(from, to) + "...");
  }
}
