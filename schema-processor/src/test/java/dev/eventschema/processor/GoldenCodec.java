package dev.eventschema.processor;

/**
 * The expected text of a generated codec, compared with {@code hasSourceEquivalentTo}: a review of
 * the generated code starts here. Regenerate by hand when the renderer changes on purpose.
 */
final class GoldenCodec {

  private GoldenCodec() {}

  /** {@code ModelUnloadedEventCodec} for {@code String model(); @Positive OptionalLong parameters();}. */
  static final String MODEL_UNLOADED = """
      package com.example.events;

      import com.fasterxml.jackson.core.JsonGenerator;
      import com.fasterxml.jackson.core.JsonParser;
      import com.fasterxml.jackson.core.io.SerializedString;
      import dev.eventschema.json.JsonCodec;
      import dev.eventschema.json.JsonInput;
      import java.io.IOException;
      import java.util.OptionalLong;
      import java.util.Set;
      import javax.annotation.processing.Generated;

      /**
       * Reads and writes the JSON text of {@link ModelUnloadedEvent} in one streaming pass, with the rules
       * of {@link ModelUnloadedEventValidator}: {@code read(json)} gives what {@code parse} gives for the same text read
       * into a map, and {@code write} gives the wire form of {@code toMap}.
       *
       * <p>Stateless and thread-safe: use {@link #INSTANCE}.
       */
      @Generated("dev.eventschema.processor.EventSchemaProcessor")
      public final class ModelUnloadedEventCodec extends JsonCodec<ModelUnloadedEvent> {
        public static final ModelUnloadedEventCodec INSTANCE = new ModelUnloadedEventCodec();

        private static final Set<String> WIRE_KEYS = Set.of("model", "parameters");

        private static final SerializedString MODEL_KEY = new SerializedString("model");

        private static final SerializedString PARAMETERS_KEY = new SerializedString("parameters");

        private ModelUnloadedEventCodec() {
          super(ModelUnloadedEventValidator.INSTANCE);
        }

        @Override
        protected ModelUnloadedEvent readObject(JsonParser parser, JsonInput in) throws IOException {
          // Fields are numbered in declaration order (0: model, 1: parameters): violations are reported in that order.
          int start = in.mark();
          boolean seenModel = false;
          String model = null;
          boolean seenParameters = false;
          OptionalLong parameters = OptionalLong.empty();
          for (String key = JsonInput.firstKey(parser); key != null; key = parser.nextFieldName()) {
            parser.nextToken();
            switch (key) {
              case "model" -> {
                if (seenModel) {
                  in.duplicateKey(parser, 0, key);
                } else {
                  seenModel = true;
                  model = in.string(parser, 0, key);
                }
              }
              case "parameters" -> {
                if (seenParameters) {
                  in.duplicateKey(parser, 1, key);
                } else {
                  seenParameters = true;
                  parameters = OptionalLong.of(in.longValue(parser, 1, key));
                }
              }
              default -> in.unknownKey(parser, key, WIRE_KEYS);
            }
          }
          // Absent keys, then each field's rules, in declaration order: parse(Map)'s order.
          if (!seenModel) {
            in.missing(0, "/model");
          } else if (in.isClean(start, 0)) {
            in.checked(0, ModelUnloadedEventValidator.checkModel(model, null));
          }
          if (!seenParameters || in.isClean(start, 1)) {
            in.checked(1, ModelUnloadedEventValidator.checkParameters(parameters, null));
          }
          if (!in.isValid(start)) {
            return null;
          }
          return new ImmutableModelUnloadedEvent(model, parameters);
        }

        @Override
        public void write(ModelUnloadedEvent value, JsonGenerator generator) throws IOException {
          generator.writeStartObject();
          String model = value.model();
          if (model != null) {
            generator.writeFieldName(MODEL_KEY);
            generator.writeString(model);
          }
          OptionalLong parameters = value.parameters();
          if (parameters != null && parameters.isPresent()) {
            generator.writeFieldName(PARAMETERS_KEY);
            generator.writeNumber(parameters.getAsLong());
          }
          generator.writeEndObject();
        }
      }
      """;
}
