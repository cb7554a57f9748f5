package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.INVALID_UNION;
import static dev.eventschema.Violation.Code.MISSING;
import static dev.eventschema.Violation.Code.TOO_SMALL;
import static dev.eventschema.Violation.Code.UNRECOGNIZED_KEYS;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.assertViolations;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.generation;
import static dev.eventschema.processor.Payloads.mapField;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.template;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.UNION_CONTAINERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unions: a member chosen by its type key, or a bare string for the @StringForm member. */
class UnionTest {

  @Nested
  @DisplayName("GenerationRequestedEvent: a union with a string form")
  class Prompts {

    private final GeneratedCode code = PROMPTS.code();

    private final SchemaValidator<Object> validator = code.validator("GenerationRequestedEvent");

    @Test
    void bareStringIsTheStringFormMember() {
      Object prompt = field(parseValid(validator, generation("prompt", "Hello")), "prompt");

      assertThat(prompt).isInstanceOf(code.type("TextPrompt"));
      assertThat(field(prompt, "text")).isEqualTo("Hello");
    }

    @Test
    void objectWithTypeSelectsTheMember() {
      Object text = field(parseValid(validator, generation("prompt", obj("type", "text", "text", "Hello"))), "prompt");
      Object template = field(parseValid(validator, generation("prompt", template())), "prompt");

      assertThat(text).isInstanceOf(code.type("TextPrompt"));
      assertThat(field(text, "text")).isEqualTo("Hello");
      assertThat(template).isInstanceOf(code.type("TemplatePrompt"));
      assertThat(field(template, "template")).isEqualTo("Hi {name}");
      assertThat(mapField(template, "variables")).containsExactly(Map.entry("name", "Ada"));
    }

    @Test
    void bothFormsOfTheStringFormMemberAreEqual() {
      assertThat(parseValid(validator, generation("prompt", "Hello")))
          .isEqualTo(parseValid(validator, generation("prompt", obj("type", "text", "text", "Hello"))));
    }

    @ParameterizedTest
    @MethodSource
    void unionViolations(Object prompt, String path, Code code) {
      onlyViolation(validator.parse(generation("prompt", prompt)), path, code);
    }

    static Stream<Arguments> unionViolations() {
      return Stream.of(
          argumentSet("object without type", obj("template", "Hi"), "/prompt/type", INVALID_UNION),
          argumentSet("unknown type", obj("type", "image", "url", "x"), "/prompt/type", INVALID_UNION),
          argumentSet("a number", 42, "/prompt", INVALID_TYPE),
          argumentSet("a boolean", true, "/prompt", INVALID_TYPE),
          argumentSet("an array", arr("Hello"), "/prompt", INVALID_TYPE),
          argumentSet("null", null, "/prompt", INVALID_TYPE),
          argumentSet("member field absent", obj("type", "template"), "/prompt/template", MISSING),
          argumentSet("string-form member's field absent in object form", obj("type", "text"), "/prompt/text", MISSING),
          argumentSet("misspelt member key", template("varibles", obj()), "/prompt/varibles", UNRECOGNIZED_KEYS),
          argumentSet("member field of the wrong type", template("variables", obj("name", 1)), "/prompt/variables/name", INVALID_TYPE),
          argumentSet("unknown key in a member", template("extra", 1), "/prompt/extra", UNRECOGNIZED_KEYS),
          argumentSet("key of another member", template("text", "x"), "/prompt/text", UNRECOGNIZED_KEYS),
          argumentSet("empty required string in object form", obj("type", "text", "text", ""), "/prompt/text", TOO_SMALL));
    }

    @Test
    void emptyBareStringBreaksTheStringFormFieldsRule() {
      ParseResult<Object> result = validator.parse(generation("prompt", ""));

      assertThat(result.violations()).extracting(Violation::code).containsExactly(TOO_SMALL);
      assertThat(result.violations().get(0).path()).startsWith("/prompt");
    }

    @Test
    void unionsInAListCarryTheirIndex() {
      assertViolations(validator.parse(generation("history", arr("Hi", obj("type", "video"), 3, obj("type", "template")))),
          tuple("/history/1/type", INVALID_UNION), tuple("/history/2", INVALID_TYPE), tuple("/history/3/template", MISSING));
    }

    @Test
    void memberValidatorAcceptsAnOptionalTypeThatMustBeItsOwnWireName() {
      SchemaValidator<Object> member = code.validator("TemplatePrompt");

      Object withoutType = parseValid(member, obj("template", "Hi"));
      Object withType = parseValid(member, obj("type", "template", "template", "Hi"));
      assertThat(withType).isEqualTo(withoutType);

      ParseResult<Object> otherType = member.parse(obj("type", "text", "template", "Hi"));
      assertThat(otherType.isValid()).isFalse();
      assertThat(otherType.violations()).extracting(Violation::path).containsExactly("/type");
    }

    @Test
    void memberValidatorWritesItsTypeFirst() {
      SchemaValidator<Object> template = code.validator("TemplatePrompt");
      SchemaValidator<Object> text = code.validator("TextPrompt");

      Map<String, Object> templateWire = template.toMap(parseValid(template, obj("template", "Hi", "variables", obj("a", "b"))));
      Map<String, Object> textWire = text.toMap(parseValid(text, obj("text", "Hello")));

      assertThat(templateWire).isEqualTo(obj("type", "template", "template", "Hi", "variables", obj("a", "b")));
      assertThat(templateWire.keySet()).containsExactly("type", "template", "variables");
      assertThat(textWire).isEqualTo(obj("type", "text", "text", "Hello"));
      assertThat(textWire.keySet()).containsExactly("type", "text");
    }
  }

  @Nested
  @DisplayName("ConversationEvent: unions inside an optional and a map")
  class UnionContainers {

    private final GeneratedCode code = UNION_CONTAINERS.code();

    private final SchemaValidator<Object> validator = code.validator("ConversationEvent");

    @Test
    void unionsInsideAnOptionalAndAMap() {
      Map<String, Object> payload = obj("system", "Be brief.", "named", obj("greet", "Hello", "hi", template()));

      Object conversation = parseValid(validator, payload);

      Object system = ((Optional<?>) field(conversation, "system")).orElseThrow();
      assertThat(system).isInstanceOf(code.type("TextPrompt"));
      assertThat(mapField(conversation, "named").get("hi")).isInstanceOf(code.type("TemplatePrompt"));
      assertThat(validator.toMap(conversation)).isEqualTo(payload);
      assertThat(validator.parse(validator.toMap(conversation)).orElseThrow()).isEqualTo(conversation);
    }

    @Test
    void unionViolationsInsideAnOptionalAndAMap() {
      assertViolations(validator.parse(obj("system", 1, "named", obj("a", obj("type", "nope"), "b", obj("type", "template")))),
          tuple("/system", INVALID_TYPE), tuple("/named/a/type", INVALID_UNION), tuple("/named/b/template", MISSING));
    }
  }
}
