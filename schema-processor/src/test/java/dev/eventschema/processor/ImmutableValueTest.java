package dev.eventschema.processor;

import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.jobBuilder;
import static dev.eventschema.processor.Payloads.listField;
import static dev.eventschema.processor.Payloads.mapField;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.step;
import static dev.eventschema.processor.Payloads.telemetry;
import static dev.eventschema.processor.Payloads.telemetryBuilder;
import static dev.eventschema.processor.Payloads.token;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated value: a package-private record, value-based, readable, with immutable copies of
 * its collections.
 */
class ImmutableValueTest {

  @Test
  void theValueClassIsAPackagePrivateRecordImplementingTheInterface() {
    GeneratedCode code = TELEMETRY.code();
    Object built = telemetryBuilder().build();
    Object parsed = parseValid(code.validator("TelemetryConfig"), telemetry());

    Class<?> valueClass = code.type("ImmutableTelemetryConfig");
    assertThat(valueClass.isRecord()).isTrue();
    assertThat(Modifier.isPublic(valueClass.getModifiers())).isFalse();
    assertThat(code.type("TelemetryConfig")).isAssignableFrom(valueClass);
    assertThat(built).isExactlyInstanceOf(valueClass);
    assertThat(parsed).isExactlyInstanceOf(valueClass);
  }

  @Test
  void equalsAndHashCodeAreValueBased() {
    Object a = telemetryBuilder().build();
    Object b = telemetryBuilder().build();
    Object parsed = parseValid(TELEMETRY.code().validator("TelemetryConfig"), telemetry());
    Object other = telemetryBuilder().set("prometheusPort", 9100).build();

    assertThat(a).isEqualTo(b).isEqualTo(parsed).hasSameHashCodeAs(b).hasSameHashCodeAs(parsed).isNotSameAs(b);
    assertThat(a).isNotEqualTo(other).isNotEqualTo(null).isNotEqualTo(telemetry());
  }

  @Test
  void toStringNamesTheInterfaceAndTheFields() {
    Object event = TOKENS.code().builder("ModelUnloadedEvent").set("model", "m").set("modelPath", "/x").build();

    assertThat(event).hasToString("ModelUnloadedEvent{model=m, modelPath=/x}");
  }

  @Test
  void listsAreDefensivelyCopiedAndUnmodifiable() {
    List<String> tags = new ArrayList<>(List.of("nightly"));
    Object job = jobBuilder().set("tags", tags).build();
    tags.add("gpu");

    List<Object> value = listField(job, "tags");
    assertThat(value).containsExactly("nightly");
    assertThatThrownBy(() -> value.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapsAreDefensivelyCopiedAndUnmodifiable() {
    Map<String, Object> labels = obj("team", "ml");
    Object config = TELEMETRY.code().builder("TelemetryConfig").set("enabled", true).set("labels", labels).build();
    labels.put("region", "eu");

    Map<String, Object> value = mapField(config, "labels");
    assertThat(value).containsExactly(Map.entry("team", "ml"));
    assertThatThrownBy(() -> value.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parsedValuesDoNotShareThePayloadsCollections() {
    List<Object> tags = arr("nightly");
    List<Object> steps = arr(step("compile"));
    Object job = parseValid(JOBS.code().validator("JobUpdatedEvent"), job("tags", tags, "steps", steps));
    tags.add("gpu");
    steps.add(step("test"));

    assertThat(listField(job, "tags")).containsExactly("nightly");
    assertThat(listField(job, "steps")).hasSize(1);
    assertThatThrownBy(() -> listField(job, "steps").clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void openMetadataIsCopiedDeeply() {
    List<Object> scores = arr(1, 2);
    Map<String, Object> nested = obj("scores", scores);
    Object token = TOKENS.code().builder("TokenEvent")
        .set("requestId", "r").set("index", 0).set("token", "t").set("elapsedMs", 1.0)
        .set("putMetadata", "nested", nested).build();
    scores.add(3);
    nested.put("extra", true);

    Map<String, Object> metadata = mapField(token, "metadata");
    assertThat(metadata).isEqualTo(obj("nested", obj("scores", arr(1, 2))));
    @SuppressWarnings("unchecked")
    Map<String, Object> copiedNested = (Map<String, Object>) metadata.get("nested");
    assertThatThrownBy(() -> copiedNested.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
