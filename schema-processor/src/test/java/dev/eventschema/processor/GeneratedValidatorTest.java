package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_FORMAT;
import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.INVALID_UNION;
import static dev.eventschema.Violation.Code.INVALID_VALUE;
import static dev.eventschema.Violation.Code.MISSING;
import static dev.eventschema.Violation.Code.NOT_FINITE;
import static dev.eventschema.Violation.Code.TOO_BIG;
import static dev.eventschema.Violation.Code.TOO_SMALL;
import static dev.eventschema.Violation.Code.UNRECOGNIZED_KEYS;
import static dev.eventschema.processor.TestSchemas.CONTAINERS;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.LENIENT;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.SAMPLING;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static dev.eventschema.processor.TestSchemas.UNION_CONTAINERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.SchemaViolationException;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The behaviour of generated validators, builders and values, on the schemas of {@link TestSchemas}. */
class GeneratedValidatorTest {

  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  // =============================================================================================
  @Nested
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @Test
    void parsesAMinimalPayload_absentOptionalsAreEmpty() {
      Object config = parseValid(validator, obj("enabled", true));

      assertThat(field(config, "enabled")).isEqualTo(true);
      assertThat(field(config, "serviceName")).isEqualTo(Optional.empty());
      assertThat(field(config, "prometheusPort")).isEqualTo(OptionalInt.empty());
      assertThat(field(config, "exportIntervalMs")).isEqualTo(OptionalLong.empty());
      assertThat(mapField(config, "labels")).isEmpty();
    }

    @Test
    void parsesAFullPayload() {
      Object config = parseValid(validator, telemetry());

      assertThat(field(config, "serviceName")).isEqualTo(Optional.of("inference-gateway"));
      assertThat(field(config, "prometheusPort")).isEqualTo(OptionalInt.of(9464));
      assertThat(field(config, "exportIntervalMs")).isEqualTo(OptionalLong.of(15_000));
      assertThat(mapField(config, "labels")).containsExactly(Map.entry("region", "eu-west-1"), Map.entry("team", "ml"));
    }

    @Test
    void toMapWritesTheWireFormInDeclarationOrder() {
      Map<String, Object> wire = validator.toMap(parseValid(validator, telemetry()));

      assertThat(wire).isEqualTo(telemetry());
      assertThat(wire.keySet()).containsExactly("enabled", "serviceName", "prometheusPort", "exportIntervalMs", "labels");
    }

    @Test
    void toMapOmitsEmptyOptionalsAndEmptyMaps() {
      assertThat(validator.toMap(parseValid(validator, obj("enabled", false)))).isEqualTo(Map.of("enabled", false));
    }

    @Test
    void rangeViolationNamesTheRuleAndTheValue() {
      Violation tooSmall = onlyViolation(validator.parse(telemetry("prometheusPort", 80)), "/prometheusPort", TOO_SMALL);
      Violation tooBig = onlyViolation(validator.parse(telemetry("prometheusPort", 70_000)), "/prometheusPort", TOO_BIG);

      assertThat(tooSmall.message()).isEqualTo("must be between 1024 and 65535, was 80");
      assertThat(tooBig.message()).isEqualTo("must be between 1024 and 65535, was 70000");
    }

    @ParameterizedTest
    @MethodSource
    void rangeBoundsAreInclusive(String field, Object value) {
      parseValid(validator, telemetry(field, value));
    }

    static Stream<Arguments> rangeBoundsAreInclusive() {
      return Stream.of(
          Arguments.of("prometheusPort", 1024),
          Arguments.of("prometheusPort", 65535),
          Arguments.of("exportIntervalMs", 1000L),
          Arguments.of("exportIntervalMs", 600_000L));
    }

    @ParameterizedTest
    @MethodSource
    void optionalLongIsRangeChecked(long value, Code code) {
      Violation violation = onlyViolation(validator.parse(telemetry("exportIntervalMs", value)), "/exportIntervalMs", code);
      assertThat(violation.message()).contains("1000", "600000").endsWith("was " + value);
    }

    static Stream<Arguments> optionalLongIsRangeChecked() {
      return Stream.of(Arguments.of(999L, TOO_SMALL), Arguments.of(600_001L, TOO_BIG));
    }

    @Test
    void patternViolationUsesTheCustomMessageAndShowsTheValue() {
      Violation violation = onlyViolation(validator.parse(telemetry("serviceName", "inference gateway!")), "/serviceName", INVALID_FORMAT);

      assertThat(violation.message()).contains("letters, digits, hyphens and underscores only", "inference gateway!");
    }

    @Test
    void sizeOfAnOptionalStringIsChecked() {
      assertThat(validator.parse(telemetry("serviceName", "")).violations())
          .extracting(Violation::path, Violation::code)
          .contains(tuple("/serviceName", TOO_SMALL));

      Violation tooLong = onlyViolation(validator.parse(telemetry("serviceName", "a".repeat(101))), "/serviceName", TOO_BIG);
      assertThat(tooLong.message()).contains("100", "101");

      parseValid(validator, telemetry("serviceName", "a".repeat(100)));
    }

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

    @Test
    void mapKeyPatternWithoutMessageSaysWhatItMustMatch() {
      Violation violation = onlyViolation(validator.parse(telemetry("labels", obj("__x", "v"))), "/labels/__x", INVALID_FORMAT);
      assertThat(violation.message()).contains("(?!__)[a-zA-Z_][a-zA-Z0-9_]*");
    }

    @Test
    void unknownKeyIsRejectedWithASuggestion() {
      Violation violation = onlyViolation(validator.parse(obj("enabled", true, "prometheusPrt", 9464)), "/prometheusPrt", UNRECOGNIZED_KEYS);
      assertThat(violation.message()).isEqualTo("unknown key 'prometheusPrt'; did you mean 'prometheusPort'?");
    }

    @Test
    void unknownKeyFarFromAnyDeclaredKeyHasNoSuggestion() {
      Violation violation = onlyViolation(validator.parse(obj("enabled", true, "colour", "red")), "/colour", UNRECOGNIZED_KEYS);
      assertThat(violation.message()).isEqualTo("unknown key 'colour'");
    }

    @Test
    void unknownKeyPathIsAnEscapedJsonPointer() {
      onlyViolation(validator.parse(obj("enabled", true, "a/b~c", 1)), "/a~1b~0c", UNRECOGNIZED_KEYS);
    }

    @Test
    void eachUnknownKeyIsItsOwnViolation() {
      assertViolations(validator.parse(obj("enabled", true, "a", 1, "b", 2)),
          tuple("/a", UNRECOGNIZED_KEYS), tuple("/b", UNRECOGNIZED_KEYS));
    }

    @Test
    void keysAreCaseSensitive() {
      ParseResult<Object> result = validator.parse(obj("Enabled", true));

      assertViolations(result, tuple("/Enabled", UNRECOGNIZED_KEYS), tuple("/enabled", MISSING));
      assertThat(result.violations()).filteredOn(v -> v.code() == UNRECOGNIZED_KEYS)
          .extracting(Violation::message).containsExactly("unknown key 'Enabled'; did you mean 'enabled'?");
    }

    @Test
    void absentRequiredFieldIsMissing() {
      onlyViolation(validator.parse(obj()), "/enabled", MISSING);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void nothingIsCoerced(String field, Object wireValue) {
      onlyViolation(validator.parse(telemetry(field, wireValue)), "/" + field, INVALID_TYPE);
    }

    static Stream<Arguments> nothingIsCoerced() {
      return Stream.of(
          Arguments.of("enabled", "true"),
          Arguments.of("enabled", 1),
          Arguments.of("enabled", null),
          Arguments.of("serviceName", 42),
          Arguments.of("serviceName", true),
          Arguments.of("serviceName", null),
          Arguments.of("prometheusPort", "9464"),
          Arguments.of("prometheusPort", true),
          Arguments.of("prometheusPort", null),
          Arguments.of("exportIntervalMs", "15000"),
          Arguments.of("labels", List.of("team=ml")),
          Arguments.of("labels", "team=ml"),
          Arguments.of("labels", null));
    }

    @Test
    void everyViolationIsFoundInOnePass() {
      Map<String, Object> payload = obj(
          "enabled", "yes",
          "serviceName", "inference gateway!",
          "prometheusPort", 80,
          "exportIntervalMs", 1.5,
          "labels", obj("__x", "v", "team", "x".repeat(129)),
          "prometheusPrt", 1);

      assertViolations(validator.parse(payload),
          tuple("/enabled", INVALID_TYPE),
          tuple("/serviceName", INVALID_FORMAT),
          tuple("/prometheusPort", TOO_SMALL),
          tuple("/exportIntervalMs", INVALID_TYPE),
          tuple("/labels/__x", INVALID_FORMAT),
          tuple("/labels/team", TOO_BIG),
          tuple("/prometheusPrt", UNRECOGNIZED_KEYS));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nonStringKeyAtTheRootIsAViolationAtTheRoot() {
      Map<Object, Object> payload = new LinkedHashMap<>(obj("enabled", true));
      payload.put(7, "seven");

      onlyViolation(validator.parse((Map<String, ?>) (Map<?, ?>) payload), "", INVALID_TYPE);
    }

    @Test
    void invalidResultThrowsWithEveryViolation() {
      ParseResult<Object> result = validator.parse(obj("enabled", "yes", "prometheusPort", 80));

      assertThat(result).isInstanceOf(ParseResult.Invalid.class);
      assertThatThrownBy(result::orElseThrow)
          .isInstanceOfSatisfying(SchemaViolationException.class,
              e -> assertThat(e.violations()).hasSize(2).isEqualTo(result.violations()));
    }
  }

  // =============================================================================================
  @Nested
  class Tokens {

    private final SchemaValidator<Object> validator = TOKENS.code().validator("TokenEvent");

    @Test
    void parsesAndWritesBackAFullToken() {
      Object token = parseValid(validator, token());

      assertThat(field(token, "requestId")).isEqualTo("req-42");
      assertThat(field(token, "index")).isEqualTo(3);
      assertThat(field(token, "logprob")).isEqualTo(OptionalDouble.of(-0.25));
      assertThat(field(token, "elapsedMs")).isEqualTo(12.5);
      assertThat(mapField(token, "metadata")).isEqualTo(token().get("metadata"));
      assertThat(validator.toMap(token)).isEqualTo(token());
      assertThat(validator.toMap(token).keySet()).containsExactly("requestId", "index", "token", "logprob", "metadata", "elapsedMs");
    }

    @Test
    void allowEmptyLetsARequiredStringBeEmpty() {
      Object token = parseValid(validator, token("token", ""));
      assertThat(field(token, "token")).isEqualTo("");
      assertThat(validator.toMap(token)).containsEntry("token", "");
    }

    @Test
    void requiredStringMustNotBeEmpty() {
      onlyViolation(validator.parse(token("requestId", "")), "/requestId", TOO_SMALL);
    }

    @Test
    void requiredStringMayBeBlankWithoutNotBlank() {
      parseValid(validator, token("requestId", " "));
    }

    @Test
    void absentOptionalDoubleAndMapAreEmpty() {
      Map<String, Object> payload = token();
      payload.remove("logprob");
      payload.remove("metadata");

      Object token = parseValid(validator, payload);

      assertThat(field(token, "logprob")).isEqualTo(OptionalDouble.empty());
      assertThat(mapField(token, "metadata")).isEmpty();
      assertThat(validator.toMap(token)).isEqualTo(payload);
    }

    @Test
    void everyAbsentRequiredFieldIsMissing() {
      assertViolations(validator.parse(obj()),
          tuple("/requestId", MISSING), tuple("/index", MISSING), tuple("/token", MISSING), tuple("/elapsedMs", MISSING));
    }

    @Test
    void explicitNullIsNotAbsentButTheWrongType() {
      assertViolations(validator.parse(token("requestId", null, "logprob", null)),
          tuple("/requestId", INVALID_TYPE), tuple("/logprob", INVALID_TYPE));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource
    void intAcceptsWholeNumbersOfAnyJavaNumberType(Object wire, String javaType, int expected) {
      assertThat(field(parseValid(validator, token("index", wire)), "index")).isEqualTo(expected);
    }

    static Stream<Arguments> intAcceptsWholeNumbersOfAnyJavaNumberType() {
      return Stream.of(
          Arguments.of(7L, "Long", 7),
          Arguments.of((short) 7, "Short", 7),
          Arguments.of((byte) 7, "Byte", 7),
          Arguments.of(3.0, "Double without a fraction", 3),
          Arguments.of(new BigDecimal("3.00"), "BigDecimal without a fraction", 3),
          Arguments.of(BigInteger.TEN, "BigInteger", 10),
          Arguments.of(Integer.MAX_VALUE, "Integer max", Integer.MAX_VALUE),
          Arguments.of((long) Integer.MIN_VALUE, "Long at int min", Integer.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource
    void intRejectsFractionsAndNumbersOutsideItsRange(Object wire, String description, Code code) {
      onlyViolation(validator.parse(token("index", wire)), "/index", code);
    }

    static Stream<Arguments> intRejectsFractionsAndNumbersOutsideItsRange() {
      return Stream.of(
          Arguments.of(2_147_483_648L, "int max + 1", TOO_BIG),
          Arguments.of(-2_147_483_649L, "int min - 1", TOO_SMALL),
          Arguments.of(1e10, "large double", TOO_BIG),
          Arguments.of(new BigInteger("100000000000000000000000000000"), "huge BigInteger", TOO_BIG),
          Arguments.of(1.5, "fraction", INVALID_TYPE),
          Arguments.of(new BigDecimal("2.5"), "BigDecimal fraction", INVALID_TYPE),
          Arguments.of("3", "numeric string", INVALID_TYPE));
    }

    @Test
    void doubleAcceptsAnyFiniteNumber() {
      assertThat(field(parseValid(validator, token("elapsedMs", 12)), "elapsedMs")).isEqualTo(12.0);
      assertThat(field(parseValid(validator, token("elapsedMs", new BigDecimal("0.125"))), "elapsedMs")).isEqualTo(0.125);
    }

    @Test
    void doubleIsNotReadFromAString() {
      onlyViolation(validator.parse(token("elapsedMs", "12.5")), "/elapsedMs", INVALID_TYPE);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void doublesMustBeFinite(String field, Object wire) {
      onlyViolation(validator.parse(token(field, wire)), "/" + field, NOT_FINITE);
    }

    static Stream<Arguments> doublesMustBeFinite() {
      return Stream.of("elapsedMs", "logprob").flatMap(field -> Stream.of(
          Arguments.of(field, Double.NaN),
          Arguments.of(field, Double.POSITIVE_INFINITY),
          Arguments.of(field, Double.NEGATIVE_INFINITY),
          Arguments.of(field, Float.NaN)));
    }

    @Test
    void constraintOnAnOptionalDoubleAppliesToTheValueInside() {
      Violation violation = onlyViolation(validator.parse(token("logprob", 0.5)), "/logprob", TOO_BIG);
      assertThat(violation.message()).endsWith("was 0.5");
      parseValid(validator, token("logprob", 0.0));
      parseValid(validator, token("logprob", -7.5));
    }

    @Test
    void openMetadataHoldsAnyJsonValueAndItsKeysAreNeverUnknown() {
      Map<String, Object> metadata = obj(
          "prometheusPrt", obj("deep", obj("unknown", arr(1, 2L, 2.5, "s", true, null, obj()), "nothing", null)),
          "big", new BigInteger("123456789012345678901234567890"),
          "exact", new BigDecimal("0.1"));

      Object token = parseValid(validator, token("metadata", metadata));

      assertThat(mapField(token, "metadata")).isEqualTo(metadata);
      assertThat(validator.toMap(token).get("metadata")).isEqualTo(metadata);
    }

    @Test
    void openMetadataAllowsNullValuesAtTheTopLevel() {
      Map<String, Object> metadata = obj("nothing", null, "something", 1);

      Object token = parseValid(validator, token("metadata", metadata));

      assertThat(mapField(token, "metadata")).isEqualTo(metadata);
      assertThat(validator.toMap(token).get("metadata")).isEqualTo(metadata);
    }

    @Test
    void aBuiltTokenWithANullMetadataValueRoundTrips() {
      Object token = TOKENS.code().builder("TokenEvent")
          .set("requestId", "r").set("index", 0).set("token", "t").set("elapsedMs", 1.0)
          .set("putMetadata", "nothing", null).build();

      assertThat(validator.parse(validator.toMap(token)).violations()).isEmpty();
      assertThat(validator.parse(validator.toMap(token)).orElseThrow()).isEqualTo(token);
    }

    @ParameterizedTest
    @MethodSource
    void openMetadataRejectsWhatIsNotJson(Map<?, ?> metadata, String path, Code code) {
      onlyViolation(validator.parse(token("metadata", metadata)), path, code);
    }

    static Stream<Arguments> openMetadataRejectsWhatIsNotJson() {
      Map<Object, Object> integerKey = new LinkedHashMap<>();
      integerKey.put(1, "one");
      Map<Object, Object> nestedIntegerKey = new LinkedHashMap<>();
      nestedIntegerKey.put("nested", integerKey);
      return Stream.of(
          argumentSet("a Java object", obj("when", new java.util.Date(0)), "/metadata/when", INVALID_TYPE),
          argumentSet("a Set", obj("tags", Set.of("a")), "/metadata/tags", INVALID_TYPE),
          argumentSet("an Optional inside a list", obj("list", arr("ok", Optional.of(1))), "/metadata/list/1", INVALID_TYPE),
          argumentSet("NaN", obj("score", Double.NaN), "/metadata/score", NOT_FINITE),
          argumentSet("NaN under a key with a slash", obj("a/b", Double.NaN), "/metadata/a~1b", NOT_FINITE),
          argumentSet("infinity deep inside", obj("a", obj("b", arr(Double.POSITIVE_INFINITY))), "/metadata/a/b/0", NOT_FINITE),
          argumentSet("a non-string key", integerKey, "/metadata", INVALID_TYPE),
          argumentSet("a non-string key in a nested object", nestedIntegerKey, "/metadata/nested", INVALID_TYPE));
    }

    @Test
    void openMetadataMayNestThirtyTwoDeep() {
      Object token = parseValid(validator, token("metadata", nestedObjects(32)));
      assertThat(mapField(token, "metadata")).isEqualTo(nestedObjects(32));
    }

    @Test
    void openMetadataMustNotNestThirtyThreeDeep() {
      Violation violation = onlyViolation(validator.parse(token("metadata", nestedObjects(33))));
      assertThat(violation.code()).isEqualTo(TOO_BIG);
      assertThat(violation.path()).startsWith("/metadata/n");
    }

    @Test
    void arraysCountTowardsTheNestingDepthToo() {
      parseValid(validator, token("metadata", obj("l", nestedArrays(31))));

      Violation violation = onlyViolation(validator.parse(token("metadata", obj("l", nestedArrays(32)))));
      assertThat(violation.code()).isEqualTo(TOO_BIG);
      assertThat(violation.path()).startsWith("/metadata/l/0");
    }

    @Test
    void openMetadataMustBeAnObject() {
      onlyViolation(validator.parse(token("metadata", arr(1, 2))), "/metadata", INVALID_TYPE);
      onlyViolation(validator.parse(token("metadata", "{}")), "/metadata", INVALID_TYPE);
    }

    @Test
    void validateReportsEveryViolationOfAHandWrittenRecord() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken("", 0, "", OptionalDouble.of(0.5), Map.of(), Double.NaN);

      assertThat(validator.validate(handWritten)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/requestId", TOO_SMALL), tuple("/logprob", TOO_BIG), tuple("/elapsedMs", NOT_FINITE));
    }

    @Test
    void validateAcceptsAValidHandWrittenRecord() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken("req-1", 0, "", OptionalDouble.empty(), Map.of("k", List.of(1)), 0.0);

      assertThat(validator.validate(handWritten)).isEmpty();
    }

    @Test
    void validateReportsNullRequiredValuesAsMissing() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken(null, 0, null, OptionalDouble.empty(), Map.of(), 1.0);

      assertThat(validator.validate(handWritten)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/requestId", MISSING), tuple("/token", MISSING));
    }

    @Test
    void toMapOfAnInvalidHandWrittenRecordLeavesItsNullFieldsOut() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken(null, 3, "t", null, null, 1.0);

      assertThat(validator.toMap(handWritten)).containsExactly(
          entry("index", 3), entry("token", "t"), entry("elapsedMs", 1.0));
    }

    @Test
    void parseListsViolationsInFieldOrderAsValidateDoes() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken("", 0, "", OptionalDouble.of(0.5), Map.of(), Double.NaN);

      List<Violation> fromObject = validator.validate(handWritten);
      Map<String, Object> wire = new LinkedHashMap<>(validator.toMap(handWritten));
      wire.put("elapsedMs", Double.NaN);

      assertThat(validator.parse(wire).violations()).isEqualTo(fromObject);
    }

    @ParameterizedTest
    @MethodSource("openMetadataRejectsWhatIsNotJson")
    void validateChecksOpenMetadataLikeParse(Map<?, ?> metadata, String path, Code code) {
      Object handWritten = TOKENS.code().implement("TokenEvent", obj(
          "requestId", "req-1", "index", 0, "token", "t", "metadata", metadata, "elapsedMs", 1.0));

      assertThat(validator.validate(handWritten)).extracting(Violation::path, Violation::code).containsExactly(tuple(path, code));
    }

    @Test
    void validateRejectsOpenMetadataNestedThirtyThreeDeep() {
      Object handWritten = TOKENS.code().implement("TokenEvent", obj(
          "requestId", "req-1", "index", 0, "token", "t", "metadata", nestedObjects(33), "elapsedMs", 1.0));

      assertThat(validator.validate(handWritten)).extracting(Violation::code).containsExactly(TOO_BIG);
    }

    private Object handWrittenToken(Object... components) throws ReflectiveOperationException {
      return TOKENS.code().type("HandWrittenToken").getConstructors()[0].newInstance(components);
    }
  }

  // =============================================================================================
  @Nested
  class Jobs {

    private final SchemaValidator<Object> validator = JOBS.code().validator("JobUpdatedEvent");

    @Test
    void parsesEnumsNestedSchemasAndListsOfThem() {
      Object job = parseValid(validator, job());

      assertThat(field(job, "status")).hasToString("RUNNING").isSameAs(enumConstant("RUNNING"));
      assertThat(field(job, "previousStatus")).isEqualTo(Optional.of(enumConstant("QUEUED")));
      Object resources = field(job, "resources");
      assertThat(resources).isInstanceOf(JOBS.code().type("Resources"));
      assertThat(field(resources, "cpus")).isEqualTo(4);
      assertThat(field(resources, "memoryBytes")).isEqualTo(8_589_934_592L);
      assertThat(field(resources, "gpu")).isEqualTo(Optional.of("a100"));
      List<Object> steps = listField(job, "steps");
      assertThat(steps).hasSize(2).allSatisfy(step -> assertThat(step).isInstanceOf(JOBS.code().type("Step")));
      assertThat(field(steps.get(1), "name")).isEqualTo("test");
      assertThat(listField(steps.get(0), "logs")).containsExactly("javac: ok");
      assertThat(listField(job, "tags")).containsExactly("nightly", "gpu");
    }

    @Test
    void toMapWritesEnumsInLowerCaseAndNestedValuesAsObjects() {
      Map<String, Object> wire = validator.toMap(parseValid(validator, job()));

      assertThat(wire).isEqualTo(job());
      assertThat(wire.keySet()).containsExactly("jobId", "status", "previousStatus", "resources", "steps", "tags");
    }

    @Test
    void toMapOmitsEmptyListsAndEmptyOptionals() {
      Map<String, Object> payload = job("previousStatus", ABSENT, "steps", arr(), "tags", ABSENT);

      assertThat(validator.toMap(parseValid(validator, payload)).keySet()).containsExactly("jobId", "status", "resources");
    }

    @Test
    void roundTripOfAFullValue() {
      Object job = parseValid(validator, job());
      assertThat(validator.parse(validator.toMap(job)).orElseThrow()).isEqualTo(job);
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
      Violation violation = onlyViolation(validator.parse(job("status", "done")), "/status", INVALID_VALUE);
      assertThat(violation.message()).contains("queued", "running", "succeeded", "failed", "done");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void enumViolations(String field, Object wire, Code code) {
      onlyViolation(validator.parse(job(field, wire)), "/" + field, code);
    }

    static Stream<Arguments> enumViolations() {
      return Stream.of(
          Arguments.of("status", "RUNNING", INVALID_VALUE),
          Arguments.of("status", "Running", INVALID_VALUE),
          Arguments.of("status", "", INVALID_VALUE),
          Arguments.of("status", 1, INVALID_TYPE),
          Arguments.of("status", null, INVALID_TYPE),
          Arguments.of("previousStatus", "paused", INVALID_VALUE),
          Arguments.of("previousStatus", null, INVALID_TYPE));
    }

    @ParameterizedTest
    @MethodSource
    void violationsInsideNestedValuesCarryTheirFullPath(Map<String, Object> payload, String path, Code code) {
      onlyViolation(validator.parse(payload), path, code);
    }

    static Stream<Arguments> violationsInsideNestedValuesCarryTheirFullPath() {
      List<Object> sixSteps = new ArrayList<>();
      IntStream.range(0, 6).forEach(i -> sixSteps.add(step("s" + i)));
      return Stream.of(
          argumentSet("nested number out of range", job("resources", resources("cpus", 0)), "/resources/cpus", TOO_SMALL),
          argumentSet("nested required field absent", job("resources", resources("cpus", ABSENT)), "/resources/cpus", MISSING),
          argumentSet("nested long too big", job("resources", resources("memoryBytes", BigInteger.ONE.shiftLeft(63))),
              "/resources/memoryBytes", TOO_BIG),
          argumentSet("nested long too big as a double", job("resources", resources("memoryBytes", 1e19)),
              "/resources/memoryBytes", TOO_BIG),
          argumentSet("nested negative long", job("resources", resources("memoryBytes", -1L)), "/resources/memoryBytes", TOO_SMALL),
          argumentSet("nested value not an object", job("resources", "4 cpus"), "/resources", INVALID_TYPE),
          argumentSet("nested value absent", job("resources", ABSENT), "/resources", MISSING),
          argumentSet("nested value null", job("resources", null), "/resources", INVALID_TYPE),
          argumentSet("list item field absent", job("steps", arr(step("compile"), step("test", "name", ABSENT))), "/steps/1/name", MISSING),
          argumentSet("list item field blank", job("steps", arr(step("compile"), step(" \t"))), "/steps/1/name", INVALID_FORMAT),
          argumentSet("list item number too big", job("steps", arr(step("compile", "durationSec", 3601))), "/steps/0/durationSec", TOO_BIG),
          argumentSet("list item number too small", job("steps", arr(step("compile", "durationSec", -1))), "/steps/0/durationSec", TOO_SMALL),
          argumentSet("string in a list in a list item", job("steps", arr(step("compile", "logs", arr("ok", " ")))), "/steps/0/logs/1", INVALID_FORMAT),
          argumentSet("list item not an object", job("steps", arr(step("compile"), "test")), "/steps/1", INVALID_TYPE),
          argumentSet("null list item", job("steps", arr(step("compile"), null)), "/steps/1", INVALID_TYPE),
          argumentSet("list too long", job("steps", sixSteps), "/steps", TOO_BIG),
          argumentSet("list not an array", job("steps", step("compile")), "/steps", INVALID_TYPE),
          argumentSet("string list too long", job("tags", arr("a", "b", "c", "d")), "/tags", TOO_BIG),
          argumentSet("list element not matching", job("tags", arr("nightly", "Nightly")), "/tags/1", INVALID_FORMAT),
          argumentSet("pattern matches the whole element", job("tags", arr("abc1")), "/tags/0", INVALID_FORMAT),
          argumentSet("list element of the wrong type", job("tags", arr("nightly", 1)), "/tags/1", INVALID_TYPE),
          argumentSet("null list element", job("tags", arr((Object) null)), "/tags/0", INVALID_TYPE),
          argumentSet("unknown key in a nested value", job("resources", resources("gpuu", "a100")), "/resources/gpuu", UNRECOGNIZED_KEYS),
          argumentSet("unknown key in a list item", job("steps", arr(step("compile", "exitCode", 0))), "/steps/0/exitCode", UNRECOGNIZED_KEYS));
    }

    @Test
    void listBoundsAreInclusive() {
      List<Object> fiveSteps = new ArrayList<>();
      IntStream.range(0, 5).forEach(i -> fiveSteps.add(step("s" + i)));
      parseValid(validator, job("steps", fiveSteps, "tags", arr("a", "b", "c")));
      parseValid(validator, job("steps", arr(step("zero", "durationSec", 0), step("max", "durationSec", 3600))));
    }

    @Test
    void unknownNestedKeyIsSuggestedFromTheNestedSchema() {
      Violation violation = onlyViolation(validator.parse(job("resources", resources("gpuu", "a100"))), "/resources/gpuu", UNRECOGNIZED_KEYS);
      assertThat(violation.message()).isEqualTo("unknown key 'gpuu'; did you mean 'gpu'?");
    }

    @Test
    void listElementPatternWithoutMessageSaysWhatItMustMatch() {
      Violation violation = onlyViolation(validator.parse(job("tags", arr("Nightly"))), "/tags/0", INVALID_FORMAT);
      assertThat(violation.message()).contains("[a-z]+", "Nightly");
    }

    @Test
    void violationsAtEveryDepthAreCollectedInOnePass() {
      Map<String, Object> payload = job(
          "jobId", ABSENT,
          "status", "done",
          "resources", resources("cpus", 0, "gpuu", "x"),
          "steps", arr(step("compile", "nmae", "x"), step(" ", "durationSec", 1.5)),
          "tags", arr("ok", "NOT OK"));

      assertViolations(validator.parse(payload),
          tuple("/jobId", MISSING),
          tuple("/status", INVALID_VALUE),
          tuple("/resources/cpus", TOO_SMALL),
          tuple("/resources/gpuu", UNRECOGNIZED_KEYS),
          tuple("/steps/0/nmae", UNRECOGNIZED_KEYS),
          tuple("/steps/1/name", INVALID_FORMAT),
          tuple("/steps/1/durationSec", INVALID_TYPE),
          tuple("/tags/1", INVALID_FORMAT));
    }

    @Test
    void validateChecksNestedHandWrittenValuesUnderTheirPath() {
      GeneratedCode code = JOBS.code();
      Object badResources = code.implement("Resources", obj("cpus", 0, "memoryBytes", 1L));
      Object goodStep = code.builder("Step").set("name", "compile").set("durationSec", 1).build();
      Object badStep = code.implement("Step", obj("name", "  ", "durationSec", 4000, "logs", List.of("")));
      Object job = code.implement("JobUpdatedEvent", obj(
          "jobId", "job-1", "status", null, "resources", badResources, "steps", List.of(goodStep, badStep), "tags", List.of("UP")));

      assertThat(validator.validate(job)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/status", MISSING),
          tuple("/resources/cpus", TOO_SMALL),
          tuple("/steps/1/name", INVALID_FORMAT),
          tuple("/steps/1/durationSec", TOO_BIG),
          tuple("/steps/1/logs/0", INVALID_FORMAT),
          tuple("/tags/0", INVALID_FORMAT));
    }

    @Test
    void validateReportsANullNestedValueAsMissing() {
      Object job = JOBS.code().implement("JobUpdatedEvent", obj("jobId", "job-1", "status", enumConstant("QUEUED"), "resources", null));

      assertThat(validator.validate(job)).extracting(Violation::path, Violation::code).containsExactly(tuple("/resources", MISSING));
    }

    private Object enumConstant(String name) {
      return Arrays.stream(JOBS.code().type("JobStatus").getEnumConstants())
          .filter(c -> ((Enum<?>) c).name().equals(name)).findFirst().orElseThrow();
    }
  }

  // =============================================================================================
  @Nested
  class Sampling {

    private final SchemaValidator<Object> validator = SAMPLING.code().validator("SamplingParams");

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void numericConstraints(String field, Object wire, Code code) {
      Violation violation = onlyViolation(validator.parse(sampling(field, wire)), "/" + field, code);
      assertThat(violation.message()).endsWith("was " + wire);
    }

    static Stream<Arguments> numericConstraints() {
      return Stream.of(
          Arguments.of("temperature", -0.5, TOO_SMALL),
          Arguments.of("temperature", 2.5, TOO_BIG),
          Arguments.of("maxTokens", 0, TOO_SMALL),
          Arguments.of("maxTokens", -3, TOO_SMALL),
          Arguments.of("seed", -1L, TOO_SMALL),
          Arguments.of("topK", 0, TOO_SMALL),
          Arguments.of("topK", 101, TOO_BIG),
          Arguments.of("logitBias", 0.0, TOO_BIG),
          Arguments.of("logitBias", 1.5, TOO_BIG));
    }

    @Test
    void rangeOnADoubleNamesBothBounds() {
      Violation violation = onlyViolation(validator.parse(sampling("temperature", 2.5)), "/temperature", TOO_BIG);
      assertThat(violation.message()).startsWith("must be between 0").contains(" and 2").endsWith(", was 2.5");
    }

    @Test
    void constraintOnAListElementTypeAppliesToEachElement() {
      Violation violation = onlyViolation(validator.parse(sampling("stopTokenIds", arr(2, 0, 13))), "/stopTokenIds/1", TOO_SMALL);
      assertThat(violation.message()).endsWith("was 0");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void boundariesAreAllowed(String field, Object wire) {
      parseValid(validator, sampling(field, wire));
    }

    static Stream<Arguments> boundariesAreAllowed() {
      return Stream.of(
          Arguments.of("temperature", 0.0),
          Arguments.of("temperature", 2.0),
          Arguments.of("temperature", 2),
          Arguments.of("maxTokens", 1),
          Arguments.of("seed", 0L),
          Arguments.of("topK", 1),
          Arguments.of("topK", 100),
          Arguments.of("logitBias", -0.001));
    }

    @Test
    void allNumericViolationsAreCollected() {
      assertViolations(validator.parse(obj("temperature", 3, "maxTokens", 0, "seed", -1L, "topK", 0, "logitBias", 1.0)),
          tuple("/temperature", TOO_BIG), tuple("/maxTokens", TOO_SMALL), tuple("/seed", TOO_SMALL),
          tuple("/topK", TOO_SMALL), tuple("/logitBias", TOO_BIG));
    }

    @Test
    void roundTrip() {
      Object params = parseValid(validator, sampling());
      assertThat(validator.toMap(params)).isEqualTo(sampling());
      assertThat(validator.parse(validator.toMap(params)).orElseThrow()).isEqualTo(params);
    }
  }

  // =============================================================================================
  @Nested
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
    void absentUnionIsMissing() {
      onlyViolation(validator.parse(generation("prompt", ABSENT)), "/prompt", MISSING);
    }

    @Test
    void unionsInAListCarryTheirIndex() {
      assertViolations(validator.parse(generation("history", arr("Hi", obj("type", "video"), 3, obj("type", "template")))),
          tuple("/history/1/type", INVALID_UNION), tuple("/history/2", INVALID_TYPE), tuple("/history/3/template", MISSING));
    }

    @Test
    void toMapWritesTheStringFormMemberAsABareStringAndOthersWithTheirTypeFirst() {
      Object event = parseValid(validator, generation("prompt", obj("type", "text", "text", "Hello")));

      Map<String, Object> wire = validator.toMap(event);

      assertThat(wire.get("prompt")).isEqualTo("Hello");
      assertThat(wire.get("history")).isEqualTo(arr("Hi", template()));
      @SuppressWarnings("unchecked")
      Map<String, Object> template = (Map<String, Object>) ((List<Object>) wire.get("history")).get(1);
      assertThat(template.keySet()).containsExactly("type", "template", "variables");
    }

    @Test
    void roundTrip() {
      for (Object prompt : List.of("Hello", template(), template("variables", ABSENT))) {
        Map<String, Object> payload = generation("prompt", prompt);
        Object event = parseValid(validator, payload);
        assertThat(validator.toMap(event)).isEqualTo(payload);
        assertThat(validator.parse(validator.toMap(event)).orElseThrow()).isEqualTo(event);
      }
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

    @Test
    void aUnionHelperIsGenerated() {
      assertThat(code.type("PromptUnion")).isNotNull();
      assertThat(code.source("PromptUnion")).isPresent();
    }

    @Test
    void builderTakesAnyMemberForAUnionField() {
      Object text = code.builder("TextPrompt").set("text", "Hello").build();
      Object template = code.builder("TemplatePrompt").set("template", "Hi {name}").set("putVariables", "name", "Ada").build();

      Object event = code.builder("GenerationRequestedEvent")
          .set("model", "llama-3").set("prompt", text).set("addHistory", template).build();

      assertThat(validator.toMap(event)).isEqualTo(obj(
          "model", "llama-3", "prompt", "Hello",
          "history", arr(obj("type", "template", "template", "Hi {name}", "variables", obj("name", "Ada")))));
    }

    @Test
    void validateChecksAHandWrittenMember() {
      Object badText = code.implement("TextPrompt", obj("text", ""));
      Object event = code.implement("GenerationRequestedEvent", obj("model", "m", "prompt", badText));

      assertThat(validator.validate(event)).extracting(Violation::path, Violation::code)
          .containsExactly(tuple("/prompt/text", TOO_SMALL));
    }
  }

  // =============================================================================================
  @Nested
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

    @Test
    void everythingMayBeAbsent() {
      Object inventory = parseValid(validator, obj());

      assertThat(field(inventory, "origin")).isEqualTo(Optional.empty());
      assertThat(listField(inventory, "path")).isEmpty();
      assertThat(mapField(inventory, "pointsByName")).isEmpty();
      assertThat(validator.toMap(inventory)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource
    void elementViolationsCarryTheirFullPath(Map<String, Object> payload, String path, Code code) {
      onlyViolation(validator.parse(payload), path, code);
    }

    static Stream<Arguments> elementViolationsCarryTheirFullPath() {
      return Stream.of(
          argumentSet("unknown enum in a list", inventory("levels", arr("low", "medium")), "/levels/1", INVALID_VALUE),
          argumentSet("unknown enum in a map", inventory("levelByHost", obj("h1", "LOW")), "/levelByHost/h1", INVALID_VALUE),
          argumentSet("optional nested value missing a field", inventory("origin", obj("x", 1)), "/origin/y", MISSING),
          argumentSet("optional nested value with an unknown key", inventory("origin", obj("x", 1, "y", 2, "z", 3)), "/origin/z", UNRECOGNIZED_KEYS),
          argumentSet("optional nested value null", inventory("origin", null), "/origin", INVALID_TYPE),
          argumentSet("nested value in a list", inventory("path", arr(point(0, 0), point(1, 1), obj("x", "1", "y", 1))), "/path/2/x", INVALID_TYPE),
          argumentSet("nested value in a map", inventory("pointsByName", obj("a", obj("x", 1, "y", 1.5))), "/pointsByName/a/y", INVALID_TYPE),
          argumentSet("NaN in a list of doubles", inventory("readings", arr(1.0, Double.NaN)), "/readings/1", NOT_FINITE),
          argumentSet("string in a list of doubles", inventory("readings", arr("1.0")), "/readings/0", INVALID_TYPE),
          argumentSet("constrained map value", inventory("counts", obj("a", 1, "b", 0)), "/counts/b", TOO_SMALL),
          argumentSet("map value out of int range", inventory("counts", obj("a", 3_000_000_000L)), "/counts/a", TOO_BIG),
          argumentSet("string in a map of booleans", inventory("flags", obj("a", "true")), "/flags/a", INVALID_TYPE),
          argumentSet("constrained list element", inventory("codes", arr("abc", "abcd")), "/codes/1", TOO_BIG),
          argumentSet("fraction in a list of longs", inventory("ids", arr(1L, 1.5)), "/ids/1", INVALID_TYPE));
    }

    static Map<String, Object> point(int x, int y) {
      return obj("x", x, "y", y);
    }

    static Map<String, Object> inventory(Object... overrides) {
      return with(obj(
          "levels", arr("low", "high"),
          "levelByHost", obj("h1", "high"),
          "origin", point(1, 2),
          "path", arr(point(0, 0), point(3, 4)),
          "pointsByName", obj("a", point(0, 1), "b", point(5, 6)),
          "readings", arr(1.5, 2.0),
          "counts", obj("a", 1),
          "flags", obj("on", true, "off", false),
          "codes", arr("ab", "abc"),
          "ids", arr(1L, 2L)), overrides);
    }
  }

  // =============================================================================================
  @Nested
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
    void absentOptionalUnionIsEmpty() {
      assertThat(field(parseValid(validator, obj()), "system")).isEqualTo(Optional.empty());
    }

    @Test
    void unionViolationsInsideAnOptionalAndAMap() {
      assertViolations(validator.parse(obj("system", 1, "named", obj("a", obj("type", "nope"), "b", obj("type", "template")))),
          tuple("/system", INVALID_TYPE), tuple("/named/a/type", INVALID_UNION), tuple("/named/b/template", MISSING));
    }
  }

  // =============================================================================================
  @Nested
  class NonStrict {

    private final SchemaValidator<Object> validator = LENIENT.code().validator("HeartbeatEvent");

    @Test
    void unknownKeysAreIgnored() {
      Object heartbeat = parseValid(validator, heartbeat("version", "1.2.3", "uptimeMS", 5));

      assertThat(validator.toMap(heartbeat)).isEqualTo(heartbeat());
    }

    @Test
    void otherRulesStillApply() {
      assertViolations(validator.parse(obj("uptimeMs", "1000", "extra", true)),
          tuple("/node", MISSING), tuple("/uptimeMs", INVALID_TYPE));
    }

    @Test
    void aStrictNestedSchemaStillRejectsUnknownKeys() {
      Violation violation = onlyViolation(validator.parse(heartbeat("info", obj("host", "h", "hots", "h"))), "/info/hots", UNRECOGNIZED_KEYS);
      assertThat(violation.message()).isEqualTo("unknown key 'hots'; did you mean 'host'?");
    }
  }

  // =============================================================================================
  @Nested
  class Builders {

    @Test
    void buildsAValidatedValueOfTheSchemaInterface() {
      GeneratedCode code = TELEMETRY.code();
      Object config = telemetryBuilder().build();

      assertThat(config).isInstanceOf(code.type("TelemetryConfig"));
      assertThat(config).isEqualTo(parseValid(code.validator("TelemetryConfig"), telemetry()));
    }

    @Test
    void settersChainOnTheBuilder() {
      Class<?> builderClass = TELEMETRY.code().type("TelemetryConfigBuilder");
      Object builder = TELEMETRY.code().builder("TelemetryConfig").builder();

      assertThat(builder).isInstanceOf(builderClass);
      assertThat(GeneratedCode.Reflect.call(builder, "enabled", true)).isInstanceOf(builderClass);
      assertThat(GeneratedCode.Reflect.call(builder, "putLabels", "a", "b")).isInstanceOf(builderClass);
    }

    @ParameterizedTest(name = "{0}.{1}({2})")
    @MethodSource
    void settersHaveTheDocumentedSignatures(TestSchemas group, String schema, String method, List<Class<?>> parameters)
        throws NoSuchMethodException {
      Class<?> builderClass = group.code().type(schema + "Builder");
      Class<?>[] resolved = parameters.stream().map(p -> p == Placeholder.class ? group.code().type(placeholderName(method)) : p)
          .toArray(Class<?>[]::new);

      assertThat(Modifier.isPublic(builderClass.getMethod(method, resolved).getModifiers())).isTrue();
    }

    /** Stands for a type generated from the test sources (it only exists at run time). */
    private interface Placeholder {}

    private static String placeholderName(String method) {
      return switch (method) {
        case "resources" -> "Resources";
        case "addSteps" -> "Step";
        case "status", "previousStatus" -> "JobStatus";
        default -> throw new IllegalArgumentException(method);
      };
    }

    static Stream<Arguments> settersHaveTheDocumentedSignatures() {
      return Stream.of(
          Arguments.of(TELEMETRY, "TelemetryConfig", "enabled", List.of(boolean.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "serviceName", List.of(String.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "serviceName", List.of(Optional.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "prometheusPort", List.of(int.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "prometheusPort", List.of(OptionalInt.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "exportIntervalMs", List.of(long.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "exportIntervalMs", List.of(OptionalLong.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "labels", List.of(Map.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "putLabels", List.of(String.class, String.class)),
          Arguments.of(TOKENS, "TokenEvent", "index", List.of(int.class)),
          Arguments.of(TOKENS, "TokenEvent", "logprob", List.of(double.class)),
          Arguments.of(TOKENS, "TokenEvent", "logprob", List.of(OptionalDouble.class)),
          Arguments.of(TOKENS, "TokenEvent", "metadata", List.of(Map.class)),
          Arguments.of(TOKENS, "TokenEvent", "putMetadata", List.of(String.class, Object.class)),
          Arguments.of(TOKENS, "TokenEvent", "elapsedMs", List.of(double.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "status", List.of(Placeholder.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "previousStatus", List.of(Placeholder.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "previousStatus", List.of(Optional.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "resources", List.of(Placeholder.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "steps", List.of(Iterable.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "addSteps", List.of(Placeholder.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "tags", List.of(Iterable.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "addTags", List.of(String.class)));
    }

    @Test
    void optionalSettersAreEquivalentToPlainOnes() {
      Object plain = telemetryBuilder().build();
      Object viaOptionals = TELEMETRY.code().builder("TelemetryConfig")
          .set("enabled", true)
          .set("serviceName", Optional.of("inference-gateway"))
          .set("prometheusPort", OptionalInt.of(9464))
          .set("exportIntervalMs", OptionalLong.of(15_000L))
          .set("labels", obj("region", "eu-west-1", "team", "ml"))
          .build();

      assertThat(viaOptionals).isEqualTo(plain);
    }

    @Test
    void emptyOptionalSetterClearsTheField() {
      Object config = telemetryBuilder().set("serviceName", Optional.empty()).set("prometheusPort", OptionalInt.empty()).build();

      assertThat(field(config, "serviceName")).isEqualTo(Optional.empty());
      assertThat(field(config, "prometheusPort")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void addAndPutAccumulate() {
      Object job = jobBuilder().set("addTags", "a").set("addTags", "b").build();
      Object config = TELEMETRY.code().builder("TelemetryConfig").set("enabled", true)
          .set("putLabels", "a", "1").set("putLabels", "b", "2").build();

      assertThat(listField(job, "tags")).containsExactly("a", "b");
      assertThat(mapField(config, "labels")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void buildFailsWithEveryViolation() {
      SchemaViolationException failure = TELEMETRY.code().builder("TelemetryConfig")
          .set("enabled", true)
          .set("serviceName", "inference gateway!")
          .set("prometheusPort", 80)
          .set("exportIntervalMs", 10L)
          .set("putLabels", "__internal", "x")
          .buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/serviceName", INVALID_FORMAT),
          tuple("/prometheusPort", TOO_SMALL),
          tuple("/exportIntervalMs", TOO_SMALL),
          tuple("/labels/__internal", INVALID_FORMAT));
      assertThat(failure.getMessage()).startsWith("4 schema violations:").contains("must be between 1024 and 65535, was 80");
    }

    @Test
    void missingRequiredPrimitiveIsReported() {
      SchemaViolationException failure = TELEMETRY.code().builder("TelemetryConfig").set("serviceName", "svc").buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code).containsExactly(tuple("/enabled", MISSING));
    }

    @Test
    void everyMissingRequiredFieldIsReported() {
      SchemaViolationException failure = TOKENS.code().builder("TokenEvent").set("logprob", -1.0).buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/requestId", MISSING), tuple("/index", MISSING), tuple("/token", MISSING), tuple("/elapsedMs", MISSING));
    }

    @Test
    void builderChecksEveryRuleThatParseChecks() {
      SchemaViolationException failure = TOKENS.code().builder("TokenEvent")
          .set("requestId", "")
          .set("index", 0)
          .set("token", "")
          .set("logprob", Double.NaN)
          .set("putMetadata", "when", new java.util.Date(0))
          .set("elapsedMs", Double.POSITIVE_INFINITY)
          .buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/requestId", TOO_SMALL),
          tuple("/logprob", NOT_FINITE),
          tuple("/metadata/when", INVALID_TYPE),
          tuple("/elapsedMs", NOT_FINITE));
    }

    @Test
    void fromCopiesAValue() {
      GeneratedCode code = TELEMETRY.code();
      Object original = telemetryBuilder().build();

      Object copy = code.from("TelemetryConfig", original).build();
      Object changed = code.from("TelemetryConfig", original).set("prometheusPort", 9100).build();

      assertThat(copy).isEqualTo(original);
      assertThat(field(changed, "prometheusPort")).isEqualTo(OptionalInt.of(9100));
      assertThat(field(changed, "serviceName")).isEqualTo(Optional.of("inference-gateway"));
      assertThat(field(original, "prometheusPort")).isEqualTo(OptionalInt.of(9464));
    }

    @Test
    void fromCopiesAHandWrittenValueAndValidatesIt() {
      GeneratedCode code = TELEMETRY.code();
      Object handWritten = code.implement("TelemetryConfig", obj(
          "enabled", true, "serviceName", Optional.of("svc"), "labels", Map.of("team", "ml")));

      Object copy = code.from("TelemetryConfig", handWritten).build();
      assertThat(copy).isEqualTo(code.builder("TelemetryConfig").set("enabled", true).set("serviceName", "svc")
          .set("putLabels", "team", "ml").build());

      Object invalid = code.implement("TelemetryConfig", obj("enabled", false, "prometheusPort", OptionalInt.of(1)));
      assertThat(code.from("TelemetryConfig", invalid).buildFailure().violations())
          .extracting(Violation::path, Violation::code).containsExactly(tuple("/prometheusPort", TOO_SMALL));
    }

    @Test
    void buildRejectsAnInvalidHandWrittenNestedValue() {
      Object badResources = JOBS.code().implement("Resources", obj("cpus", 0, "memoryBytes", -1L));

      SchemaViolationException failure = jobBuilder().set("resources", badResources).buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code)
          .containsExactlyInAnyOrder(tuple("/resources/cpus", TOO_SMALL), tuple("/resources/memoryBytes", TOO_SMALL));
    }

    @Test
    void buildsNestedValuesAndLists() {
      Object job = jobBuilder()
          .set("addSteps", JOBS.code().builder("Step").set("name", "compile").set("durationSec", 12).set("addLogs", "javac: ok").build())
          .set("addSteps", JOBS.code().builder("Step").set("name", "test").set("durationSec", 12).set("logs", List.of("javac: ok")).build())
          .set("tags", List.of("nightly", "gpu"))
          .build();

      assertThat(JOBS.code().validator("JobUpdatedEvent").toMap(job)).isEqualTo(job());
    }
  }

  // =============================================================================================
  @Nested
  class Values {

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

    @Test
    void toMapWritesAHandWrittenValue() {
      GeneratedCode code = JOBS.code();
      Object running = code.validator("JobUpdatedEvent").parse(job()).orElseThrow();
      Object resources = code.implement("Resources", obj("cpus", 4, "memoryBytes", 8_589_934_592L, "gpu", Optional.of("a100")));
      Object step = code.implement("Step", obj("name", "compile", "durationSec", 12, "logs", List.of("javac: ok")));
      Object job = code.implement("JobUpdatedEvent", obj(
          "jobId", "job-7", "status", field(running, "status"), "resources", resources, "steps", List.of(step)));

      assertThat(code.validator("JobUpdatedEvent").toMap(job)).isEqualTo(obj(
          "jobId", "job-7", "status", "running", "resources", resources(), "steps", arr(step("compile"))));
    }

    @Test
    void validateOfAValidValueIsEmpty() {
      assertThat(TELEMETRY.code().validator("TelemetryConfig").validate(telemetryBuilder().build())).isEmpty();
      assertThat(JOBS.code().validator("JobUpdatedEvent").validate(parseValid(JOBS.code().validator("JobUpdatedEvent"), job())))
          .isEmpty();
    }

    @Test
    void validateOfAValidValueReturnsTheSharedEmptyList() {
      assertThat(TELEMETRY.code().validator("TelemetryConfig").validate(telemetryBuilder().build())).isSameAs(List.of());
    }

    @Test
    void validateOfAnInvalidHandWrittenValueListsEveryViolation() {
      Map<String, Object> seventeen = new LinkedHashMap<>();
      IntStream.range(0, 17).forEach(i -> seventeen.put("l" + i, "v"));
      Object handWritten = TELEMETRY.code().implement("TelemetryConfig", obj(
          "enabled", true, "serviceName", Optional.of(""), "prometheusPort", OptionalInt.of(80), "labels", seventeen));

      assertThat(TELEMETRY.code().validator("TelemetryConfig").validate(handWritten))
          .extracting(Violation::path, Violation::code)
          .contains(tuple("/serviceName", TOO_SMALL), tuple("/prometheusPort", TOO_SMALL), tuple("/labels", TOO_BIG));
    }
  }

  // =============================================================================================
  @Nested
  class JsonSchemas {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("dev.eventschema.processor.GeneratedValidatorTest#allSchemas")
    void isDraft2020TwelveJsonAndIsTheGeneratedResource(TestSchemas group, String schema, String wireName) {
      GeneratedCode code = group.code();
      String text = code.validator(schema).jsonSchema();

      Map<String, Object> json = MiniJson.parseObject(text);
      assertThat(json).containsEntry("$schema", DRAFT_2020_12).containsKey("properties");
      assertThat(code.resource("META-INF/eventschema/" + wireName + ".schema.json")).hasValue(text);
    }

    @Test
    void describesTypesRequiredFieldsAndConstraints() {
      Map<String, Object> schema = MiniJson.parseObject(TELEMETRY.code().validator("TelemetryConfig").jsonSchema());

      assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false);
      assertThat(schema.get("required")).isEqualTo(List.of("enabled"));
      Map<String, Object> properties = object(schema, "properties");
      assertThat(properties.keySet()).containsExactly("enabled", "serviceName", "prometheusPort", "exportIntervalMs", "labels");
      assertThat(object(properties, "enabled")).containsEntry("type", "boolean");
      assertThat(object(properties, "serviceName"))
          .containsEntry("type", "string").containsEntry("minLength", 1L).containsEntry("maxLength", 100L);
      assertThat(object(properties, "prometheusPort"))
          .containsEntry("type", "integer").containsEntry("minimum", 1024L).containsEntry("maximum", 65535L);
      assertThat(object(properties, "exportIntervalMs"))
          .containsEntry("type", "integer").containsEntry("minimum", 1000L).containsEntry("maximum", 600000L);
      Map<String, Object> labels = object(properties, "labels");
      assertThat(labels).containsEntry("type", "object").containsEntry("maxProperties", 16L);
      assertThat(object(labels, "additionalProperties")).containsEntry("type", "string").containsEntry("maxLength", 128L);
    }

    @Test
    void patternsAreAnchoredBecauseTheyMustMatchTheWholeString() {
      Map<String, Object> properties = object(MiniJson.parseObject(TELEMETRY.code().validator("TelemetryConfig").jsonSchema()), "properties");
      String pattern = (String) object(properties, "serviceName").get("pattern");
      String keyPattern = (String) object(object(properties, "labels"), "propertyNames").get("pattern");

      assertThat(pattern).startsWith("^").endsWith("$").contains("[A-Za-z0-9_-]+");
      assertThat(keyPattern).startsWith("^").endsWith("$").contains("(?!__)[a-zA-Z_][a-zA-Z0-9_]*");
      assertThat(java.util.regex.Pattern.compile(pattern).matcher("svc-1").find()).isTrue();
      Matcher partial = java.util.regex.Pattern.compile(pattern).matcher("svc 1");
      assertThat(partial.find()).as("a pattern that finds only part of 'svc 1'").isFalse();
    }

    @Test
    void describesEnumsNestedSchemasAndLists() {
      Map<String, Object> root = MiniJson.parseObject(JOBS.code().validator("JobUpdatedEvent").jsonSchema());
      Map<String, Object> properties = object(root, "properties");

      assertThat(array(root, "required")).containsExactlyInAnyOrder("jobId", "status", "resources");
      assertThat(resolve(root, object(properties, "status")).get("enum")).isEqualTo(List.of("queued", "running", "succeeded", "failed"));
      Map<String, Object> resources = resolve(root, object(properties, "resources"));
      assertThat(resources).containsEntry("type", "object").containsEntry("additionalProperties", false);
      assertThat(array(resources, "required")).containsExactlyInAnyOrder("cpus", "memoryBytes");
      Map<String, Object> steps = resolve(root, object(properties, "steps"));
      assertThat(steps).containsEntry("type", "array").containsEntry("maxItems", 5L);
      assertThat(object(resolve(root, object(steps, "items")), "properties").keySet()).containsExactly("name", "durationSec", "logs");
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @MethodSource
    void numericBoundsAgreeWithTheValidator(String field, String number, boolean allowed) {
      Map<String, Object> properties = object(MiniJson.parseObject(SAMPLING.code().validator("SamplingParams").jsonSchema()), "properties");
      Map<String, Object> node = "stopTokenIds".equals(field) ? object(object(properties, field), "items") : object(properties, field);

      assertThat(allowsNumber(node, new BigDecimal(number))).isEqualTo(allowed);
    }

    static Stream<Arguments> numericBoundsAgreeWithTheValidator() {
      return Stream.of(
          Arguments.of("temperature", "-0.1", false),
          Arguments.of("temperature", "0", true),
          Arguments.of("temperature", "2", true),
          Arguments.of("temperature", "2.1", false),
          Arguments.of("temperature", "0.5", true),
          Arguments.of("maxTokens", "0", false),
          Arguments.of("maxTokens", "1", true),
          Arguments.of("maxTokens", "1.5", false),
          Arguments.of("seed", "-1", false),
          Arguments.of("seed", "0", true),
          Arguments.of("topK", "0", false),
          Arguments.of("topK", "1", true),
          Arguments.of("topK", "100", true),
          Arguments.of("topK", "101", false),
          Arguments.of("logitBias", "0", false),
          Arguments.of("logitBias", "-0.001", true),
          Arguments.of("stopTokenIds", "0", false),
          Arguments.of("stopTokenIds", "1", true));
    }

    /** Whether a number schema (type, minimum, maximum, exclusiveMinimum, exclusiveMaximum) accepts {@code n}. */
    private boolean allowsNumber(Map<String, Object> node, BigDecimal n) {
      Object type = node.get("type");
      assertThat(type).as("type of %s", node).isIn("integer", "number");
      if ("integer".equals(type) && n.stripTrailingZeros().scale() > 0) {
        return false;
      }
      return bound(node, "minimum", n, c -> c >= 0) && bound(node, "exclusiveMinimum", n, c -> c > 0)
          && bound(node, "maximum", n, c -> c <= 0) && bound(node, "exclusiveMaximum", n, c -> c < 0);
    }

    private boolean bound(Map<String, Object> node, String keyword, BigDecimal n, java.util.function.IntPredicate ok) {
      Object limit = node.get(keyword);
      return limit == null || ok.test(n.compareTo(new BigDecimal(limit.toString())));
    }

    @Test
    void stringLengthsAgreeWithTheValidator() {
      Map<String, Object> root = MiniJson.parseObject(TOKENS.code().validator("TokenEvent").jsonSchema());
      Map<String, Object> properties = object(root, "properties");

      assertThat(array(root, "required")).containsExactlyInAnyOrder("requestId", "index", "token", "elapsedMs");
      assertThat(object(properties, "requestId")).containsEntry("type", "string").containsEntry("minLength", 1L);
      assertThat(object(properties, "token")).containsEntry("type", "string").doesNotContainEntry("minLength", 1L);
      assertThat(object(properties, "metadata")).containsEntry("type", "object");
      assertThat(object(properties, "elapsedMs")).containsEntry("type", "number");
    }

    @Test
    void aUnionIsOneOfItsMembersAndTheStringForm() {
      Map<String, Object> root = MiniJson.parseObject(PROMPTS.code().validator("GenerationRequestedEvent").jsonSchema());
      Map<String, Object> prompt = resolve(root, object(object(root, "properties"), "prompt"));

      Object alternatives = prompt.containsKey("oneOf") ? prompt.get("oneOf") : prompt.get("anyOf");
      assertThat(alternatives).as("oneOf or anyOf of %s", prompt).isInstanceOf(List.class);
      List<String> shapes = new ArrayList<>();
      for (Object alternative : (List<?>) alternatives) {
        @SuppressWarnings("unchecked")
        Map<String, Object> member = resolve(root, (Map<String, Object>) alternative);
        if ("string".equals(member.get("type"))) {
          shapes.add("string");
        } else {
          Map<String, Object> type = object(object(member, "properties"), "type");
          Object tag = type.containsKey("const") ? type.get("const") : ((List<?>) type.get("enum")).get(0);
          shapes.add("object " + tag);
        }
      }
      assertThat(shapes).containsExactlyInAnyOrder("string", "object text", "object template");
    }

    @Test
    void aNonStrictSchemaAllowsAdditionalProperties() {
      Map<String, Object> schema = MiniJson.parseObject(LENIENT.code().validator("HeartbeatEvent").jsonSchema());

      assertThat(schema.get("additionalProperties")).isNotEqualTo(false);
      assertThat(schema.get("required")).isEqualTo(List.of("node", "uptimeMs"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Map<String, Object> parent, String key) {
      assertThat(parent.get(key)).as("%s in %s", key, parent).isInstanceOf(Map.class);
      return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private List<Object> array(Map<String, Object> parent, String key) {
      assertThat(parent.get(key)).as("%s in %s", key, parent).isInstanceOf(List.class);
      return (List<Object>) parent.get(key);
    }

    /** Follows a local {@code $ref} such as {@code #/$defs/Resources}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
      Object ref = node.get("$ref");
      if (!(ref instanceof String pointer)) {
        return node;
      }
      assertThat(pointer).startsWith("#/");
      Object target = root;
      for (String segment : pointer.substring(2).split("/")) {
        target = ((Map<String, Object>) target).get(segment.replace("~1", "/").replace("~0", "~"));
      }
      return resolve(root, (Map<String, Object>) target);
    }
  }

  // =============================================================================================
  @Nested
  class Generation {

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("dev.eventschema.processor.GeneratedValidatorTest#allSchemas")
    void wireNameDefaultsToTheDecapitalisedSimpleNameWithoutEvent(TestSchemas group, String schema, String wireName) {
      SchemaValidator<Object> validator = group.code().validator(schema);

      assertThat(validator.eventName()).isEqualTo(wireName);
      assertThat(validator.type()).isSameAs(group.code().type(schema));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("dev.eventschema.processor.GeneratedValidatorTest#allSchemas")
    void generatesAPublicValidatorSingletonAPublicBuilderAndAValueClass(TestSchemas group, String schema, String wireName)
        throws ReflectiveOperationException {
      GeneratedCode code = group.code();
      Class<?> validatorClass = code.type(schema + "Validator");
      Class<?> builderClass = code.type(schema + "Builder");

      assertThat(Modifier.isPublic(validatorClass.getModifiers())).isTrue();
      assertThat(SchemaValidator.class).isAssignableFrom(validatorClass);
      assertThat(Modifier.isFinal(validatorClass.getField("INSTANCE").getModifiers())).isTrue();
      assertThat(code.validator(schema)).isSameAs(code.validator(schema)).isInstanceOf(validatorClass);
      assertThat(Modifier.isPublic(builderClass.getModifiers())).isTrue();
      assertThat(code.type("Immutable" + schema).isRecord()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestSchemas.class)
    void everyGeneratedSourceIsMarkedGenerated(TestSchemas group) {
      List<javax.tools.JavaFileObject> generated = group.code().compilation().generatedSourceFiles();

      assertThat(generated).isNotEmpty().allSatisfy(file -> {
        String text = file.getCharContent(true).toString();
        assertThat(text).as(file.getName()).containsPattern("@(javax\\.annotation\\.processing\\.)?Generated\\b");
        assertThat(text).as(file.getName()).contains("javax.annotation.processing.Generated");
      });
    }

    @ParameterizedTest
    @ValueSource(strings = {"TelemetryConfigValidator", "TelemetryConfigBuilder", "ImmutableTelemetryConfig"})
    void generatesOneSourcePerTypeInTheSchemasPackage(String simpleName) {
      assertThat(TELEMETRY.code().source(simpleName)).isPresent();
    }
  }

  // =============================================================================================
  // Schemas and payloads

  /** Every schema of {@link TestSchemas}: group, interface, expected wire name. */
  static Stream<Arguments> allSchemas() {
    return Stream.of(
        Arguments.of(TELEMETRY, "TelemetryConfig", "telemetryConfig"),
        Arguments.of(TOKENS, "TokenEvent", "token"),
        Arguments.of(TOKENS, "ModelLoadedEvent", "modelLoaded"),
        Arguments.of(TOKENS, "ModelUnloadedEvent", "modelUnloaded"),
        Arguments.of(JOBS, "Resources", "resources"),
        Arguments.of(JOBS, "Step", "step"),
        Arguments.of(JOBS, "JobUpdatedEvent", "job.updated"),
        Arguments.of(SAMPLING, "SamplingParams", "samplingParams"),
        Arguments.of(PROMPTS, "TextPrompt", "text"),
        Arguments.of(PROMPTS, "TemplatePrompt", "template"),
        Arguments.of(PROMPTS, "GenerationRequestedEvent", "generationRequested"),
        Arguments.of(CONTAINERS, "Point", "point"),
        Arguments.of(CONTAINERS, "InventoryEvent", "inventory"),
        Arguments.of(UNION_CONTAINERS, "ConversationEvent", "conversation"),
        Arguments.of(LENIENT, "NodeInfo", "nodeInfo"),
        Arguments.of(LENIENT, "HeartbeatEvent", "heartbeat"));
  }

  /** Marks a key to remove in {@link #with}. */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "ABSENT";
    }
  };

  static Map<String, Object> telemetry(Object... overrides) {
    return with(obj(
        "enabled", true,
        "serviceName", "inference-gateway",
        "prometheusPort", 9464,
        "exportIntervalMs", 15_000L,
        "labels", obj("region", "eu-west-1", "team", "ml")), overrides);
  }

  static GeneratedCode.Builder telemetryBuilder() {
    return TELEMETRY.code().builder("TelemetryConfig")
        .set("enabled", true)
        .set("serviceName", "inference-gateway")
        .set("prometheusPort", 9464)
        .set("exportIntervalMs", 15_000L)
        .set("putLabels", "region", "eu-west-1")
        .set("putLabels", "team", "ml");
  }

  static Map<String, Object> token(Object... overrides) {
    return with(obj(
        "requestId", "req-42",
        "index", 3,
        "token", "Hello",
        "logprob", -0.25,
        "metadata", obj("model", "llama-3", "scores", arr(1, 2.5, null), "cache", obj("hit", true)),
        "elapsedMs", 12.5), overrides);
  }

  static Map<String, Object> resources(Object... overrides) {
    return with(obj("cpus", 4, "memoryBytes", 8_589_934_592L, "gpu", "a100"), overrides);
  }

  static Map<String, Object> step(String name, Object... overrides) {
    return with(obj("name", name, "durationSec", 12, "logs", arr("javac: ok")), overrides);
  }

  static Map<String, Object> job(Object... overrides) {
    return with(obj(
        "jobId", "job-7",
        "status", "running",
        "previousStatus", "queued",
        "resources", resources(),
        "steps", arr(step("compile"), step("test")),
        "tags", arr("nightly", "gpu")), overrides);
  }

  /** A builder for {@link #job()} without its steps and tags. */
  static GeneratedCode.Builder jobBuilder() {
    GeneratedCode code = JOBS.code();
    Object resources = code.builder("Resources").set("cpus", 4).set("memoryBytes", 8_589_934_592L).set("gpu", "a100").build();
    Object running = code.validator("JobUpdatedEvent").parse(job()).orElseThrow();
    return code.builder("JobUpdatedEvent")
        .set("jobId", "job-7")
        .set("status", field(running, "status"))
        .set("previousStatus", field(running, "previousStatus"))
        .set("resources", resources);
  }

  static Map<String, Object> sampling(Object... overrides) {
    return with(obj(
        "temperature", 0.7,
        "maxTokens", 256,
        "seed", 42L,
        "topK", 40,
        "logitBias", -0.5,
        "stopTokenIds", arr(2, 13)), overrides);
  }

  static Map<String, Object> template(Object... overrides) {
    return with(obj("type", "template", "template", "Hi {name}", "variables", obj("name", "Ada")), overrides);
  }

  static Map<String, Object> generation(Object... overrides) {
    return with(obj("model", "llama-3", "prompt", "Hello", "history", arr("Hi", template())), overrides);
  }

  static Map<String, Object> heartbeat(Object... overrides) {
    return with(obj("node", "node-1", "uptimeMs", 1_000L, "info", obj("host", "10.0.0.1")), overrides);
  }

  /** {@code depth} arrays nested in one another, the innermost holding {@code true}. */
  static List<Object> nestedArrays(int depth) {
    List<Object> array = arr(true);
    for (int i = 1; i < depth; i++) {
      array = arr(array);
    }
    return array;
  }

  /** {@code depth} objects nested in one another under the key {@code n}; the outermost is depth 1. */
  static Map<String, Object> nestedObjects(int depth) {
    Map<String, Object> object = obj("leaf", true);
    for (int i = 1; i < depth; i++) {
      object = obj("n", object);
    }
    return object;
  }

  // =============================================================================================
  // Helpers

  /** A mutable JSON object in the given order; values may be {@code null}. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** A mutable JSON array; items may be {@code null}. */
  static List<Object> arr(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  /** A copy of {@code base} with keys replaced, or removed when the value is {@link #ABSENT}. */
  static Map<String, Object> with(Map<String, Object> base, Object... overrides) {
    Map<String, Object> copy = new LinkedHashMap<>(base);
    for (int i = 0; i < overrides.length; i += 2) {
      String key = (String) overrides[i];
      if (overrides[i + 1] == ABSENT) {
        copy.remove(key);
      } else {
        copy.put(key, overrides[i + 1]);
      }
    }
    return copy;
  }

  static Object parseValid(SchemaValidator<Object> validator, Map<String, ?> payload) {
    ParseResult<Object> result = validator.parse(payload);
    assertThat(result.violations()).as("violations of %s", payload).isEmpty();
    assertThat(result).isInstanceOf(ParseResult.Valid.class);
    return result.orElseThrow();
  }

  /** The one violation of an invalid result. */
  static Violation onlyViolation(ParseResult<?> result) {
    assertThat(result.isValid()).as("the payload should be invalid").isFalse();
    assertThat(result.violations()).hasSize(1);
    return result.violations().get(0);
  }

  /** The one violation of an invalid result, which must be at {@code path} with {@code code}. */
  static Violation onlyViolation(ParseResult<?> result, String path, Code code) {
    assertThat(result.isValid()).as("the payload should be invalid").isFalse();
    assertThat(result.violations()).extracting(Violation::path, Violation::code).containsExactly(tuple(path, code));
    return result.violations().get(0);
  }

  static void assertViolations(ParseResult<?> result, Tuple... pathsAndCodes) {
    assertThat(result.isValid()).as("the payload should be invalid").isFalse();
    assertThat(result.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(pathsAndCodes);
  }

  static Object field(Object value, String accessor) {
    return GeneratedCode.get(value, accessor);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapField(Object value, String accessor) {
    return (Map<String, Object>) field(value, accessor);
  }

  @SuppressWarnings("unchecked")
  static List<Object> listField(Object value, String accessor) {
    return (List<Object>) field(value, accessor);
  }
}
