package dev.eventschema.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.eventschema.support.WireType;
import java.io.IOException;
import java.util.Map;

/**
 * How a generated codec reads one element of a list or one value of a map: a fast path for the
 * plain valid case, and for everything else the {@link WireType} that {@code parse(Map)} uses, so
 * that both give the same violations.
 *
 * @param <T> the Java type read
 */
public abstract class JsonType<T> {

  /** A JSON string. */
  public static final JsonType<String> STRING = new JsonType<>() {
    @Override
    String fast(JsonParser parser) throws IOException {
      return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    @Override
    WireType<String> wireType() {
      return WireType.STRING;
    }
  };

  /** A JSON boolean. */
  public static final JsonType<Boolean> BOOLEAN = new JsonType<>() {
    @Override
    Boolean fast(JsonParser parser) {
      JsonToken token = parser.currentToken();
      return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    WireType<Boolean> wireType() {
      return WireType.BOOLEAN;
    }
  };

  /** A whole JSON number that fits in an {@code int}. */
  public static final JsonType<Integer> INT = new JsonType<>() {
    @Override
    Integer fast(JsonParser parser) throws IOException {
      return isInt(parser) ? Integer.valueOf(parser.getIntValue()) : null;
    }

    @Override
    WireType<Integer> wireType() {
      return WireType.INT;
    }
  };

  /** A whole JSON number that fits in a {@code long}. */
  public static final JsonType<Long> LONG = new JsonType<>() {
    @Override
    Long fast(JsonParser parser) throws IOException {
      return isLong(parser) ? Long.valueOf(parser.getLongValue()) : null;
    }

    @Override
    WireType<Long> wireType() {
      return WireType.LONG;
    }
  };

  /** A finite JSON number. */
  public static final JsonType<Double> DOUBLE = new JsonType<>() {
    @Override
    Double fast(JsonParser parser) throws IOException {
      return isFinite(parser) ? Double.valueOf(parser.getDoubleValue()) : null;
    }

    @Override
    WireType<Double> wireType() {
      return WireType.DOUBLE;
    }
  };

  JsonType() {}

  /** Values read the way {@code parse(Map)} reads them, from the parsed JSON value: unions. */
  public static <T> JsonType<T> wire(WireType<T> type) {
    return new JsonType<>() {
      @Override
      T fast(JsonParser parser) {
        return null;
      }

      @Override
      WireType<T> wireType() {
        return type;
      }
    };
  }

  /**
   * A union whose members all have codecs ({@code members} by wire name): an object that starts
   * with its {@code type} is streamed by the member's codec, anything else goes to {@code type}.
   */
  public static <T> JsonType<T> union(WireType<T> type, Map<String, ? extends JsonCodec<? extends T>> members) {
    return new JsonUnion<>(type, members);
  }

  /**
   * The value at the parser's current token when it is the plain valid case; otherwise {@code null},
   * having neither consumed nor reported anything.
   */
  abstract T fast(JsonParser parser) throws IOException;

  /** The rules of {@code parse(Map)} for this type, applied to the parsed JSON value. */
  abstract WireType<T> wireType();

  static boolean isInt(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT;
  }

  static boolean isLong(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      return false;
    }
    JsonParser.NumberType type = parser.getNumberType();
    return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
  }

  /**
   * Whether the current token is a number that reads as a finite {@code double} exactly as the
   * map path reads it: a fraction (Jackson's {@code Double}) or a whole number within a
   * {@code long} ({@code Integer} or {@code Long}, converted).
   */
  static boolean isFinite(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = parser.getDoubleValue();
      // a whole double may be a rounded one (1e-400 is 0.0): WireType.DOUBLE decides, as for the map
      return Double.isFinite(value) && value != Math.rint(value);
    }
    // beyond 2^53 a long may not be a double exactly: WireType.DOUBLE rounds it as for the map
    return isLong(parser) && Math.abs(parser.getLongValue()) < (1L << 53);
  }
}
