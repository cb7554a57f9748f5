package dev.eventschema.processor.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differences that no source can produce against a baseline of the current processor (every
 * number and every open object has a schema for its values there), but that a baseline written by an
 * earlier version, or by hand, can: compared as documents.
 */
class SchemaDiffTest {

  static final Map<DifferenceCode, List<String>> DOCUMENT_CASES = Map.of(
      DifferenceCode.MINIMUM_ADDED, List.of("{\"type\": \"integer\"}", "{\"type\": \"integer\", \"minimum\": 0}"),
      DifferenceCode.MINIMUM_REMOVED, List.of("{\"type\": \"integer\", \"minimum\": 0}", "{\"type\": \"integer\"}"),
      DifferenceCode.MAXIMUM_ADDED, List.of("{\"type\": \"integer\"}", "{\"type\": \"integer\", \"maximum\": 9}"),
      DifferenceCode.MAXIMUM_REMOVED, List.of("{\"type\": \"integer\", \"maximum\": 9}", "{\"type\": \"integer\"}"),
      DifferenceCode.ADDITIONAL_PROPERTIES_NARROWED, List.of("{\"type\": \"object\"}",
          "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}"),
      DifferenceCode.ADDITIONAL_PROPERTIES_EXTENDED, List.of(
          "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}", "{\"type\": \"object\"}"));

  static Stream<Arguments> cases() {
    return DOCUMENT_CASES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().get(0), e.getValue().get(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isFoundInAField(DifferenceCode code, String before, String after) throws IOException {
    List<Difference> differences = SchemaDiff.compare("e", document(before), document(after));

    assertThat(differences).extracting(Difference::code).containsExactly(code);
    assertThat(differences.get(0).path()).isEqualTo("/f");
    assertThat(differences.get(0).key()).isEqualTo("f");
  }

  @Test
  void aTypeListThatGrowsIsExtendedAndOneThatShrinksNarrowed() throws IOException {
    String wide = "{\"type\": [\"string\", \"number\"]}";
    assertThat(SchemaDiff.compare("e", document("{\"type\": \"integer\"}"), document(wide)))
        .extracting(Difference::code).containsExactly(DifferenceCode.TYPE_EXTENDED);
    assertThat(SchemaDiff.compare("e", document(wide), document("{\"type\": \"string\"}")))
        .extracting(Difference::code).containsExactly(DifferenceCode.TYPE_NARROWED);
    assertThat(SchemaDiff.compare("e", document(wide), document("{\"type\": \"boolean\"}")))
        .extracting(Difference::code).containsExactly(DifferenceCode.TYPE_CHANGED);
  }

  @Test
  void aRecursiveSchemaIsComparedOnce() throws IOException {
    String recursive = "{\"title\": \"node\", \"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#\"}, "
        + "\"n\": {\"type\": \"integer\", \"maximum\": %d}}, \"additionalProperties\": false}";

    List<Difference> differences = SchemaDiff.compare("node", JsonTree.readObject(recursive.formatted(9)),
        JsonTree.readObject(recursive.formatted(5)));

    assertThat(differences).extracting(Difference::code, Difference::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(DifferenceCode.MAXIMUM_DECREASED, "/n"));
  }

  /** An object schema with the one field {@code f} of schema {@code field}. */
  private static Map<String, Object> document(String field) throws IOException {
    return JsonTree.readObject("{\"type\": \"object\", \"properties\": {\"f\": " + field + "}, \"required\": [\"f\"], "
        + "\"additionalProperties\": false}");
  }
}
