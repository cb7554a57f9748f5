package dev.eventschema.monitor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.events.StreamSchemas;
import dev.eventschema.monitor.client.SchemaVersions.Newer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SchemaVersionsTest {

  private static final Map<String, Integer> KNOWN = Map.of("envelope", 1, "tokenGenerated", 2, "error", 3);

  @Test
  void aNewerVersionOrAnUnknownSchemaIsNewerInTheEnginesOrder() {
    Map<String, Integer> engine = new LinkedHashMap<>();
    engine.put("envelope", 1);
    engine.put("tokenGenerated", 3);
    engine.put("error", 2);
    engine.put("modelMigrated", 1);

    assertThat(SchemaVersions.newer(engine, KNOWN))
        .containsExactly(new Newer("tokenGenerated", 3, 2), new Newer("modelMigrated", 1, 0));
  }

  @Test
  void equalOrOlderVersionsAreNothingToSay() {
    assertThat(SchemaVersions.newer(Map.of("envelope", 1, "tokenGenerated", 1), KNOWN)).isEmpty();
    assertThat(SchemaVersions.notice("e", SchemaVersions.newer(KNOWN, KNOWN))).isEmpty();
    assertThat(SchemaVersions.notice(new StreamMessage.Hello(Instant.EPOCH, "e", StreamSchemas.versions()))).isEmpty();
  }

  @Test
  void theNoticeNamesEachSchemaWithBothVersionsAndSaysWhatHappens() {
    String notice = SchemaVersions.notice("engine-a",
        SchemaVersions.newer(Map.of("tokenGenerated", 3, "modelMigrated", 1), KNOWN));

    assertThat(notice).startsWith("engine-a speaks newer schemas than this dashboard knows: ")
        .contains("tokenGenerated v3 (this dashboard knows v2)", "modelMigrated v1 (unknown here)",
            "what it does not know shows as rejections");
  }

  @Test
  void theNoticeNamesAFewSchemasAndCountsTheRest() {
    Map<String, Integer> engine = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      engine.put("s" + i, 2);
    }

    String notice = SchemaVersions.notice("e", SchemaVersions.newer(engine, Map.of()));

    assertThat(notice).contains("s4 v2").doesNotContain("s5 v2").contains("and 3 more");
  }
}
