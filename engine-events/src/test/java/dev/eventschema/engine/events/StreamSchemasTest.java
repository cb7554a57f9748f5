package dev.eventschema.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The schemas an engine announces in its {@code hello} frame, and their versions. */
@Timeout(30)
class StreamSchemasTest {

  /** Relative to the module: Maven runs tests there. */
  private static final Path BASELINES = Path.of("src", "main", "eventschema");

  @Test
  void listsTheEnvelopeTheFramePayloadsAndEveryEvent() {
    assertThat(StreamSchemas.versions().keySet())
        .startsWith("envelope", "hello", "dropped", "rejection", "telemetrySnapshot")
        .containsAll(EventType.wireNames())
        .hasSize(5 + EventType.values().length);
  }

  @Test
  void eachVersionIsTheOneItsCommittedBaselineWasRecordedWith() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<String, Integer> schema : StreamSchemas.versions().entrySet()) {
      Map<?, ?> baseline = json.readValue(BASELINES.resolve(schema.getKey() + ".schema.json").toFile(), Map.class);

      assertThat(baseline.get("version")).as(schema.getKey()).isEqualTo(schema.getValue());
    }
  }

  @Test
  void aHelloWithTheseVersionsIsValid() {
    HelloFrame hello = HelloFrameBuilder.builder().engine("eventschema-engine")
        .schemas(StreamSchemas.versions()).build();
    Map<String, Object> wire = HelloFrameValidator.INSTANCE.toMap(hello);

    assertThat(HelloFrameValidator.INSTANCE.parse(wire).violations()).isEmpty();
    assertThat(wire).containsEntry("schemas", StreamSchemas.versions());
  }
}
