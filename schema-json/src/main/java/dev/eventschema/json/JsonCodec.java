package dev.eventschema.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import dev.eventschema.support.WireType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes the JSON text of one {@code @EventSchema} in a single streaming pass: the
 * generated {@code FooCodec.INSTANCE}.
 *
 * <p>Reading validates as it goes and gives exactly what {@code FooValidator.INSTANCE.parse(map)}
 * gives for the same text read into a map: the same value, or the same violations in the same
 * order. Beyond that it rejects a key that appears twice, and turns malformed JSON and the parser's
 * limits ({@link com.fasterxml.jackson.core.StreamReadConstraints}: nesting depth, number and string
 * length, document size) into one violation with the line and column. No exception escapes a read.
 *
 * <p>Writing gives the compact wire form that {@code toMap} defines, without building the map.
 *
 * @param <T> the {@code @EventSchema} interface
 */
public abstract class JsonCodec<T> extends JsonType<T> {

  /**
   * The factory behind the {@code byte[]}, {@code String}, stream and reader methods: Jackson's
   * defaults, but for numbers with a fraction or an exponent, read by Jackson's bundled
   * FastDoubleParser (the same correctly rounded values as {@code Double.parseDouble}, in a
   * fraction of the time: {@code parseDouble} was a sixth of a token event's read in the profile
   * of benchmarks/RESULTS.md).
   */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build();

  private final SchemaValidator<T> validator;

  protected JsonCodec(SchemaValidator<T> validator) {
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  /** The generated validator whose rules this codec applies. */
  public final SchemaValidator<T> validator() {
    return validator;
  }

  /** The schema's interface. */
  public final Class<T> type() {
    return validator.type();
  }

  // ------------------------------------------------------------------------------------------
  // Reading

  /** Reads one JSON object, UTF-8 (or UTF-16/32, detected); nothing but whitespace may follow it. */
  public final ParseResult<T> read(byte[] json) {
    Objects.requireNonNull(json, "json");
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readDocument(parser);
    } catch (IOException e) {
      return failure(e, null);
    }
  }

  /** Reads one JSON object from text; nothing but whitespace may follow it. */
  public final ParseResult<T> read(String json) {
    Objects.requireNonNull(json, "json");
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readDocument(parser);
    } catch (IOException e) {
      return failure(e, null);
    }
  }

  /** Reads one JSON object from a stream, to its end; the stream is not closed. */
  public final ParseResult<T> read(InputStream json) {
    Objects.requireNonNull(json, "json");
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readDocument(parser);
    } catch (IOException e) {
      return failure(e, null);
    }
  }

  /** Reads one JSON object from a reader, to its end; the reader is not closed. */
  public final ParseResult<T> read(Reader json) {
    Objects.requireNonNull(json, "json");
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readDocument(parser);
    } catch (IOException e) {
      return failure(e, null);
    }
  }

  /**
   * Reads the object at an open parser: at its current token ({@code START_OBJECT}, or a field name
   * inside the object), or at the next one if it has none yet. The parser is left on the object's
   * {@code END_OBJECT} and is neither closed nor checked for what follows, so that a caller can read
   * a sequence of objects or an object inside a larger document. Its factory's
   * {@link com.fasterxml.jackson.core.StreamReadConstraints} are the limits that apply.
   */
  public final ParseResult<T> read(JsonParser parser) {
    Objects.requireNonNull(parser, "parser");
    try {
      return readRoot(parser);
    } catch (IOException e) {
      return failure(e, parser);
    }
  }

  private ParseResult<T> readDocument(JsonParser parser) throws IOException {
    try {
      ParseResult<T> result = readRoot(parser);
      if (parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        return invalid("", Code.INVALID_FORMAT, "malformed JSON at " + position(at)
            + ": unexpected content after the object");
      }
      return result;
    } catch (IOException e) {
      return failure(e, parser);
    }
  }

  private ParseResult<T> readRoot(JsonParser parser) throws IOException {
    JsonToken token = parser.hasCurrentToken() ? parser.currentToken() : parser.nextToken();
    if (token == null) {
      return invalid("", Code.INVALID_FORMAT, "malformed JSON: expected an object, the input is empty");
    }
    if (token != JsonToken.START_OBJECT && token != JsonToken.FIELD_NAME) {
      parser.skipChildren();
      return invalid("", Code.INVALID_TYPE, "expected an object, was " + JsonValueReader.typeOf(token));
    }
    JsonInput in = new JsonInput();
    T value = readObject(parser, in);
    return in.result(value);
  }

  /**
   * Reads the fields of an object, the parser being on its {@code START_OBJECT} (or on a field
   * name inside it), and leaves the parser on its {@code END_OBJECT}. Returns the value, or
   * {@code null} after reporting every violation to {@code in}.
   */
  protected abstract T readObject(JsonParser parser, JsonInput in) throws IOException;

  /** One violation for a text that could not be read as JSON at all, with where it happened. */
  private ParseResult<T> failure(IOException e, JsonParser parser) {
    String path = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString();
    JsonLocation at = e instanceof JsonProcessingException json && json.getLocation() != null ? json.getLocation()
        : parser == null ? null : parser.currentLocation();
    String where = at == null ? "" : " at " + position(at);
    if (e instanceof StreamConstraintsException limit) {
      return invalid(path, Code.TOO_BIG, "exceeds a limit of the JSON parser" + where + ": " + limit.getOriginalMessage());
    }
    if (e instanceof JsonProcessingException json) {
      return invalid(path, Code.INVALID_FORMAT, "malformed JSON" + where + ": " + json.getOriginalMessage());
    }
    return invalid(path, Code.INVALID_FORMAT, "could not read the JSON text" + where + ": " + e);
  }

  private static String position(JsonLocation at) {
    return "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static <T> ParseResult<T> invalid(String path, Code code, String message) {
    return new ParseResult.Invalid<>(List.of(new Violation(path, code, message)));
  }

  // ------------------------------------------------------------------------------------------
  // Writing

  /**
   * Writes the wire form of {@code value} as one JSON object, in declaration order. Like
   * {@code toMap}, a hand-written value's {@code null} fields are left out rather than failing.
   */
  public abstract void write(T value, JsonGenerator generator) throws IOException;

  /**
   * The compact wire form of {@code value}, UTF-8. The buffers come from Jackson's recycler pool and
   * go back to it, as in {@code ObjectMapper.writeValueAsBytes}: only the result is allocated.
   */
  public final byte[] writeBytes(T value) {
    Objects.requireNonNull(value, "value");
    BufferRecycler recycler = FACTORY._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
        write(value, generator);
      }
      return bytes.getClearAndRelease();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    } finally {
      recycler.releaseToPool();
    }
  }

  /** The compact wire form of {@code value}, as text, with recycled buffers as {@link #writeBytes}. */
  public final String writeString(T value) {
    Objects.requireNonNull(value, "value");
    BufferRecycler recycler = FACTORY._getBufferRecycler();
    try (SegmentedStringWriter text = new SegmentedStringWriter(recycler)) {
      try (JsonGenerator generator = FACTORY.createGenerator(text)) {
        write(value, generator);
      }
      return text.getAndClear();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    } finally {
      recycler.releaseToPool();
    }
  }

  /** As a value inside another schema, a codec streams its object: see {@link JsonInput#value}. */
  @Override
  final T fast(JsonParser parser) {
    return null;
  }

  @Override
  final WireType<T> wireType() {
    return WireType.schema(validator);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + validator.eventName() + "]";
  }
}
