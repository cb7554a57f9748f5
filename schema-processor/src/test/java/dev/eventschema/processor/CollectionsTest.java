package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_FORMAT;
import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.TOO_BIG;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.inventory;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.listField;
import static dev.eventschema.processor.Payloads.mapField;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.point;
import static dev.eventschema.processor.Payloads.step;
import static dev.eventschema.processor.Payloads.telemetry;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.CONTAINERS;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation.Code;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lists and maps: their sizes, and the rules on each element, key and value. */
class CollectionsTest {

  @Nested
  @DisplayName("TelemetryConfig: optional fields with rules and a constrained map")
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @ParameterizedTest
    @MethodSource
    void labelsAreCheckedOnSizeKeysAndValues(Map<String, Object> labels, String path, Code code) {
      onlyViolation(validator.parse(telemetry("labels", labels)), path, code);
    }

    static Stream<Arguments> labelsAreCheckedOnSizeKeysAndValues() {
      Map<String, Object> seventeen = new LinkedHashMap<>();
      IntStream.range(0, 17).forEach(i -> seventeen.put("label" + i, "v"));
      return Stream.of(
          argumentSet("more than 16 labels", seventeen, "/labels", TOO_BIG),
          argumentSet("reserved key __x", obj("__reserved", "v"), "/labels/__reserved", INVALID_FORMAT),
          argumentSet("key starting with a digit", obj("9lives", "v"), "/labels/9lives", INVALID_FORMAT),
          argumentSet("key with a slash, escaped in the pointer", obj("a/b", "v"), "/labels/a~1b", INVALID_FORMAT),
          argumentSet("key with a tilde, escaped in the pointer", obj("a~b", "v"), "/labels/a~0b", INVALID_FORMAT),
          argumentSet("value longer than 128", obj("team", "x".repeat(129)), "/labels/team", TOO_BIG),
          argumentSet("value of the wrong type", obj("team", 1), "/labels/team", INVALID_TYPE),
          argumentSet("null value", obj("team", null), "/labels/team", INVALID_TYPE));
    }

    @Test
    void sixteenLabelsAreAllowed() {
      Map<String, Object> sixteen = new LinkedHashMap<>();
      IntStream.range(0, 16).forEach(i -> sixteen.put("label" + i, "x".repeat(128)));
      parseValid(validator, telemetry("labels", sixteen));
    }
  }

  @Nested
  @DisplayName("JobUpdatedEvent: an enum, a nested schema, lists of both")
  class Jobs {

    private final SchemaValidator<Object> validator = JOBS.code().validator("JobUpdatedEvent");

    @Test
    void listBoundsAreInclusive() {
      List<Object> fiveSteps = new ArrayList<>();
      IntStream.range(0, 5).forEach(i -> fiveSteps.add(step("s" + i)));
      parseValid(validator, job("steps", fiveSteps, "tags", arr("a", "b", "c")));
      parseValid(validator, job("steps", arr(step("zero", "durationSec", 0), step("max", "durationSec", 3600))));
    }
  }

  @Nested
  @DisplayName("InventoryEvent: enums, nested schemas and numbers inside containers")
  class Containers {

    private final SchemaValidator<Object> validator = CONTAINERS.code().validator("InventoryEvent");

    @Test
    void parsesAndWritesBackEveryKindOfElement() {
      Object inventory = parseValid(validator, inventory());

      assertThat(listField(inventory, "levels")).extracting(Object::toString).containsExactly("LOW", "HIGH");
      assertThat(field(inventory, "origin")).isInstanceOf(Optional.class);
      assertThat(field(((Optional<?>) field(inventory, "origin")).orElseThrow(), "y")).isEqualTo(2);
      assertThat(field(mapField(inventory, "pointsByName").get("b"), "x")).isEqualTo(5);
      assertThat(listField(inventory, "readings")).containsExactly(1.5, 2.0);
      assertThat(listField(inventory, "ids")).containsExactly(1L, 2L);
      assertThat(validator.toMap(inventory)).isEqualTo(inventory());
      assertThat(validator.parse(validator.toMap(inventory)).orElseThrow()).isEqualTo(inventory);
    }
  }
}
