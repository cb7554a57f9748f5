package dev.eventschema.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.support.Copies;
import dev.eventschema.support.JsonValues;
import dev.eventschema.support.WireReader;
import dev.eventschema.support.WireType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small schema written by hand the way the processor writes one (record, validator, codec), so
 * that schema-json is tested on its own: {@code name} (required), {@code tags} (a list of ints) and
 * {@code meta} (an open map).
 */
record Point(String name, List<Integer> tags, Map<String, Object> meta) {

  Point {
    tags = Copies.list(tags);
    meta = JsonValues.copyObject(meta);
  }

  static final Set<String> KEYS = Set.of("name", "tags", "meta");

  static final SchemaValidator<Point> VALIDATOR = new SchemaValidator<>() {
    @Override
    public String eventName() {
      return "point";
    }

    @Override
    public Class<Point> type() {
      return Point.class;
    }

    @Override
    public List<Violation> validate(Point value) {
      return List.of();
    }

    @Override
    public ParseResult<Point> parse(Map<String, ?> payload) {
      WireReader in = WireReader.of(payload, KEYS, true);
      String name = in.required("name", WireType.STRING);
      List<Integer> tags = in.list("tags", WireType.INT);
      Map<String, Object> meta = in.jsonObject("meta");
      List<Violation> violations = in.violations();
      return violations == null ? new ParseResult.Valid<>(new Point(name, tags, meta))
          : new ParseResult.Invalid<>(violations);
    }

    @Override
    public Map<String, Object> toMap(Point value) {
      Map<String, Object> wire = new LinkedHashMap<>();
      wire.put("name", value.name());
      wire.put("tags", value.tags());
      wire.put("meta", value.meta());
      return wire;
    }

    @Override
    public String jsonSchema() {
      return "{}";
    }
  };

  /** What the processor generates for Point, written out. */
  static final class Codec extends JsonCodec<Point> {
    static final Codec INSTANCE = new Codec();

    private Codec() {
      super(VALIDATOR);
    }

    @Override
    protected Point readObject(JsonParser parser, JsonInput in) throws IOException {
      int start = in.mark();
      boolean seenName = false;
      String name = null;
      boolean seenTags = false;
      List<Integer> tags = List.of();
      boolean seenMeta = false;
      Map<String, Object> meta = Map.of();
      for (String key = JsonInput.firstKey(parser); key != null; key = parser.nextFieldName()) {
        parser.nextToken();
        switch (key) {
          case "name" -> {
            if (seenName) {
              in.duplicateKey(parser, 0, key);
            } else {
              seenName = true;
              name = in.string(parser, 0, key);
            }
          }
          case "tags" -> {
            if (seenTags) {
              in.duplicateKey(parser, 1, key);
            } else {
              seenTags = true;
              tags = in.list(parser, 1, key, JsonType.INT);
            }
          }
          case "meta" -> {
            if (seenMeta) {
              in.duplicateKey(parser, 2, key);
            } else {
              seenMeta = true;
              meta = in.jsonObject(parser, 2, key);
            }
          }
          default -> in.unknownKey(parser, key, KEYS);
        }
      }
      if (!seenName) {
        in.missing(0, "/name");
      }
      return in.isValid(start) ? new Point(name, tags, meta) : null;
    }

    @Override
    public void write(Point value, JsonGenerator generator) throws IOException {
      generator.writeStartObject();
      generator.writeStringField("name", value.name());
      generator.writeArrayFieldStart("tags");
      for (Integer tag : value.tags()) {
        generator.writeNumber(tag);
      }
      generator.writeEndArray();
      generator.writeFieldName("meta");
      JsonOutput.writeValue(value.meta(), generator);
      generator.writeEndObject();
    }
  }
}
