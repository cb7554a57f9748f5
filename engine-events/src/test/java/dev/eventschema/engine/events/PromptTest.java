package dev.eventschema.engine.events;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static dev.eventschema.engine.events.testing.Payloads.pathsAndCodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.ParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The prompt union inside {@code generationStarted}: a bare string, a template, or multimodal parts. */
class PromptTest {

  private static ParseResult<GenerationStartedEvent> started(Object prompt) {
    return GenerationStartedEventValidator.INSTANCE.parse(map("model", "m", "prompt", prompt));
  }

  @Test
  void aBareStringIsATextPromptAndTravelsBackAsTheString() {
    GenerationStartedEvent event = started("Hello").orElseThrow();

    assertThat(event.prompt()).isInstanceOfSatisfying(TextPrompt.class, p -> assertThat(p.text()).isEqualTo("Hello"));
    assertThat(GenerationStartedEventValidator.INSTANCE.toMap(event)).containsEntry("prompt", "Hello");
  }

  @Test
  void aTextPromptAlsoReadsAsAnObject() {
    GenerationStartedEvent event = started(map("type", "text", "text", "")).orElseThrow();

    assertThat(event.prompt()).isInstanceOfSatisfying(TextPrompt.class, p -> assertThat(p.text()).isEmpty());
  }

  @Test
  void aTemplateKeepsItsVariablesInOrder() {
    GenerationStartedEvent event =
        started(map("type", "template", "template", "{greeting}, {name}", "variables", map("greeting", "Hi",
            "name", "Ada"))).orElseThrow();

    assertThat(event.prompt()).isInstanceOfSatisfying(TemplatePrompt.class, p -> {
      assertThat(p.template()).isEqualTo("{greeting}, {name}");
      assertThat(p.variables()).containsExactly(Map.entry("greeting", "Hi"), Map.entry("name", "Ada"));
    });
    assertThat(GenerationStartedEventValidator.INSTANCE.toMap(event).get("prompt"))
        .isEqualTo(map("type", "template", "template", "{greeting}, {name}", "variables",
            map("greeting", "Hi", "name", "Ada")));
  }

  @Test
  void multimodalPartsAreTextOrImages() {
    GenerationStartedEvent event = started(map("type", "multimodal", "parts", List.of(
        "What is in",
        map("type", "textPart", "text", " these images?"),
        map("type", "imageUrlPart", "url", "https://example.org/a.jpg"),
        map("type", "imageDataPart", "mediaType", "image/jpeg", "data", "/9j/4AAQ")))).orElseThrow();

    MultimodalPrompt prompt = (MultimodalPrompt) event.prompt();
    assertThat(prompt.parts()).hasSize(4);
    assertThat(prompt.parts().get(0)).isInstanceOfSatisfying(TextPart.class,
        p -> assertThat(p.text()).isEqualTo("What is in"));
    assertThat(prompt.parts().get(2)).isInstanceOfSatisfying(ImageUrlPart.class,
        p -> assertThat(p.url()).isEqualTo("https://example.org/a.jpg"));
    assertThat(prompt.parts().get(3)).isInstanceOfSatisfying(ImageDataPart.class,
        p -> assertThat(p.mediaType()).isEqualTo("image/jpeg"));
    Map<String, Object> wire = GenerationStartedEventValidator.INSTANCE.toMap(event);
    assertThat(GenerationStartedEventValidator.INSTANCE.parse(wire).orElseThrow()).isEqualTo(event);
  }

  @Test
  void buildersMakeTheSameValuesAsTheWire() {
    GenerationStartedEvent built = GenerationStartedEventBuilder.builder()
        .model("m")
        .prompt(MultimodalPromptBuilder.builder()
            .parts(List.of(TextPartBuilder.builder().text("Look:").build(),
                ImageUrlPartBuilder.builder().url("http://example.org/x.png").build()))
            .build())
        .build();

    assertThat(started(map("type", "multimodal", "parts", List.of("Look:",
        map("type", "imageUrlPart", "url", "http://example.org/x.png")))).orElseThrow()).isEqualTo(built);
  }

  @ParameterizedTest
  @MethodSource("invalidPrompts")
  void invalidPromptsNameThePathInsideThePrompt(Object prompt, List<String> expected) {
    assertThat(pathsAndCodes(started(prompt).violations())).containsExactlyElementsOf(expected);
  }

  static List<Object[]> invalidPrompts() {
    return List.of(
        new Object[] {map("template", "Hi"), List.of("/prompt/type invalid_union")},
        new Object[] {map("type", "template"), List.of("/prompt/template missing")},
        new Object[] {map("type", "template", "template", "Hi {x}", "variables", map("1x", "a")),
            List.of("/prompt/variables/1x invalid_format")},
        new Object[] {map("type", "template", "template", "Hi", "colour", "red"),
            List.of("/prompt/colour unrecognized_keys")},
        new Object[] {map("type", "multimodal", "parts", List.of()), List.of("/prompt/parts too_small")},
        new Object[] {map("type", "multimodal"), List.of("/prompt/parts missing")},
        new Object[] {map("type", "multimodal", "parts", List.of("")), List.of("/prompt/parts/0 too_small")},
        new Object[] {map("type", "multimodal", "parts", List.of(map("type", "imageUrlPart", "url", "ftp://x"))),
            List.of("/prompt/parts/0/url invalid_format")},
        new Object[] {map("type", "multimodal", "parts", List.of("ok", map("type", "imageDataPart",
            "mediaType", "text/plain", "data", "not base64!"))),
            List.of("/prompt/parts/1/mediaType invalid_format", "/prompt/parts/1/data invalid_format")},
        new Object[] {map("type", "multimodal", "parts", List.of(map("type", "audioPart"))),
            List.of("/prompt/parts/0/type invalid_union")},
        new Object[] {List.of("a"), List.of("/prompt invalid_type")});
  }
}
