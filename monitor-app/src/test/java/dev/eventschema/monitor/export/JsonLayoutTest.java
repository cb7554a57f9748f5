package dev.eventschema.monitor.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {

  @Test
  void prettyPrintsAndHighlightsTheOffendingPaths() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", "");
    payload.put("tokensGenerated", -1);
    payload.put("metadata", Map.of("a/b", List.of(1, "x")));
    List<JsonLayout.Span> spans = JsonLayout.layout(payload, List.of(
        new Violation("/tokensGenerated", Code.TOO_SMALL, "must be >= 0"),
        new Violation("/metadata/a~1b/1", Code.INVALID_TYPE, "expected a number"),
        new Violation("/durationMs", Code.MISSING, "is required")));
    assertThat(JsonLayout.text(spans)).isEqualTo("""
        {
          "model": "",
          "tokensGenerated": -1,
          "metadata": {
            "a/b": [
              1,
              "x"
            ]
          },
          "durationMs": ‹missing›
        }""");
    assertThat(spans.stream().filter(JsonLayout.Span::highlighted).map(JsonLayout.Span::text).toList())
        .containsExactly("\"tokensGenerated\"", "-1", "\"x\"", "\"durationMs\": ‹missing›");
  }

  @Test
  void aRootViolationHighlightsEverything() {
    List<JsonLayout.Span> spans = JsonLayout.layout("not json", List.of(new Violation("", Code.INVALID_TYPE, "x")));
    assertThat(spans).singleElement().satisfies(s -> {
      assertThat(s.highlighted()).isTrue();
      assertThat(s.text()).isEqualTo("\"not json\"");
    });
  }
}
