package dev.eventschema.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.eventschema.processor.reading.ErrorId;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Misusing {@code @EventSchema} is a compile error (never a warning) on the offending element;
 * valid schemas compile without a single warning.
 */
class MisuseTest {

  private static final String PACKAGE = "com.example.bad";

  // ---------------------------------------------------------------------------------------------
  // Misuse in a single schema: the error is on the line that contains `line`.

  @ParameterizedTest
  @MethodSource
  void misuseIsAnErrorOnTheOffendingElement(String body, String error, String line) {
    JavaFileObject source = source("Bad", body);

    Compilation compilation = GeneratedCode.compile(source);

    assertErrorOn(compilation, source, error, line);
  }

  static Stream<Arguments> misuseIsAnErrorOnTheOffendingElement() {
    return Stream.of(
        // What @EventSchema may annotate
        argumentSet("@EventSchema on a class",
            "@EventSchema public abstract class Bad { public abstract String model(); }",
            "[eventschema:not-an-interface] @EventSchema applies to interfaces only", "abstract class Bad"),
        argumentSet("@EventSchema on an enum",
            "@EventSchema public enum Bad { LOW, HIGH }",
            "[eventschema:not-an-interface] @EventSchema applies to interfaces only", "enum Bad"),
        argumentSet("@EventSchema on a record",
            "@EventSchema public record Bad(String model) {}",
            "[eventschema:not-an-interface] @EventSchema applies to interfaces only", "record Bad"),
        argumentSet("a generic interface",
            "@EventSchema public interface Bad<T> {\n  String model();\n}",
            "[eventschema:generic-schema]", "interface Bad<T>"),
        argumentSet("a version below 1",
            "@EventSchema(version = 0) public interface Bad {\n  String model();\n}",
            "[eventschema:non-positive-version] the version of Bad must be at least 1, was 0", "version = 0"),

        // Accessors
        argumentSet("an accessor with parameters",
            "@EventSchema public interface Bad {\n  String model();\n  String modelPath(String root);\n}",
            "[eventschema:accessor-parameters] accessor modelPath(1 parameter(s)) must not take parameters",
            "String modelPath(String root);"),
        argumentSet("an accessor returning void",
            "@EventSchema public interface Bad {\n  String model();\n  void reset();\n}",
            "[eventschema:void-accessor] accessor reset() must return a value, not void", "void reset();"),

        // Types
        unsupported("a java.util.Date", "java.util.Date created();"),
        unsupported("a Set", "java.util.Set<String> tags();"),
        unsupported("a map with Integer keys", "Map<Integer, String> byId();"),
        unsupported("a list of lists", "List<List<String>> matrix();"),
        unsupported("a map of lists", "Map<String, List<String>> groups();"),
        unsupported("a float", "float ratio();"),
        unsupported("a bare Object", "Object payload();"),
        unsupported("a BigDecimal", "java.math.BigDecimal amount();"),
        unsupported("a raw List", "@SuppressWarnings(\"rawtypes\") List items();"),
        boxed("Integer", "int"),
        boxed("Long", "long"),
        boxed("Double", "double"),
        boxed("Boolean", "boolean"),

        // Constraints on types they cannot apply to
        notApplicable("@Pattern on an int", "@Pattern(regexp = \"[0-9]+\") int port();"),
        notApplicable("@Min on a String", "@Min(1) String name();"),
        notApplicable("@Size on a boolean", "@Size(max = 3) boolean flag();"),
        notApplicable("@NotBlank on an int", "@NotBlank int count();"),
        notApplicable("@Base64 on a long", "@dev.eventschema.constraints.Base64 long size();"),
        notApplicable("@Positive on a String", "@Positive String id();"),
        notApplicable("@Range on a boolean", "@Range(min = 1, max = 2) boolean on();"),
        notApplicable("@AllowEmpty on an int", "@AllowEmpty int count();"),
        notApplicable("@Max on an Optional<String>", "@Max(5) Optional<String> nickname();"),
        notApplicable("@Pattern on a list (rather than on its elements)", "@Pattern(regexp = \"[a-z]+\") List<String> tags();"),
        notApplicable("@Min on the String elements of a list", "List<@Min(1) String> names();"),
        notApplicable("@Size on the int values of a map", "Map<String, @Size(max = 3) Integer> counts();"),

        // Constraint arguments
        contradictory("@Size with min > max", "@Size(min = 5, max = 2) String code();"),
        contradictory("@Range with min > max", "@Range(min = 10, max = 1) int level();"),
        contradictory("@Size with min > max on list elements", "List<@Size(min = 3, max = 1) String> codes();"),
        badRegex("@Pattern with an unclosed class", "@Pattern(regexp = \"[a-z\") String code();"),
        badRegex("@Pattern with an unclosed group on map keys", "Map<@Pattern(regexp = \"(ab\") String, String> byCode();"),

        // Names that the generated code needs
        clash("build", "String build();"),
        clash("builder", "String builder();"),
        clash("from", "String from();"),
        // hashCode() and toString() re-declare Object's methods: they are not fields, so no clash.
        clash("finalize", "String finalize();"),
        clash("clone", "String clone();"));
  }

  private static Arguments unsupported(String description, String accessor) {
    return inSchema("unsupported type: " + description, accessor, "[eventschema:unsupported-type] unsupported field type");
  }

  private static Arguments boxed(String boxed, String primitive) {
    return inSchema("a required " + boxed, boxed + " count();",
        "[eventschema:boxed-field] field count() has the boxed type java.lang." + boxed + ": use " + primitive
            + " for a required field");
  }

  private static Arguments notApplicable(String description, String accessor) {
    return inSchema(description, accessor, "[eventschema:constraint-not-applicable]");
  }

  private static Arguments contradictory(String description, String accessor) {
    return inSchema(description, accessor, "[eventschema:min-greater-than-max]");
  }

  private static Arguments badRegex(String description, String accessor) {
    return inSchema(description, accessor, "[eventschema:invalid-regex]");
  }

  private static Arguments clash(String name, String accessor) {
    return inSchema("an accessor named " + name, accessor, "[eventschema:reserved-name] accessor " + name + "() clashes with");
  }

  /** A schema with one valid field and the offending {@code accessor} on a line of its own. */
  private static Arguments inSchema(String description, String accessor, String error) {
    return argumentSet(description,
        "@EventSchema public interface Bad {\n  String model();\n  " + accessor + "\n}", error, accessor);
  }

  @Test
  void everyMisuseInASchemaIsReported() {
    JavaFileObject source = source("Bad", """
        @EventSchema public interface Bad {
          String model();
          java.util.Date created();
          @Min(1) String name();
          void reset();
        }
        """);

    Compilation compilation = GeneratedCode.compile(source);

    assertErrorOn(compilation, source, "[eventschema:unsupported-type]", "java.util.Date created();");
    assertErrorOn(compilation, source, "[eventschema:constraint-not-applicable]", "@Min(1) String name();");
    assertErrorOn(compilation, source, "[eventschema:void-accessor]", "void reset();");
    assertThat(compilation.errors()).filteredOn(e -> e.getMessage(null).startsWith("[eventschema:")).hasSize(3);
  }

  // ---------------------------------------------------------------------------------------------
  // Errors point at the annotation value at fault

  @Test
  void aBadRegexIsReportedAtTheRegexItself() {
    JavaFileObject source = source("Bad", """
        @EventSchema public interface Bad {
          @Pattern(
              message = "digits only",
              regexp = "[0-9")
          String code();
        }
        """);

    Compilation compilation = GeneratedCode.compile(source);

    assertThat(compilation).hadErrorContaining("[eventschema:invalid-regex]")
        .inFile(source).onLine(lineOf(source, "regexp = ")).atColumn(columnOf(source, "\"[0-9\""));
  }

  @Test
  void minGreaterThanMaxIsReportedAtMin() {
    JavaFileObject source = source("Bad", """
        @EventSchema public interface Bad {
          @Range(
              max = 1,
              min = 10)
          int level();
        }
        """);

    Compilation compilation = GeneratedCode.compile(source);

    assertThat(compilation).hadErrorContaining("[eventschema:min-greater-than-max]")
        .inFile(source).onLine(lineOf(source, "min = 10")).atColumn(columnOf(source, "10)"));
  }

  /** The 1-based line of the first line of {@code source} that contains {@code text}. */
  private static long lineOf(JavaFileObject source, String text) {
    List<String> lines = content(source).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in the source");
  }

  /** The 1-based column at which {@code text} starts on its line. */
  private static long columnOf(JavaFileObject source, String text) {
    return content(source).lines().filter(l -> l.contains(text)).findFirst().orElseThrow().indexOf(text) + 1;
  }

  private static String content(JavaFileObject source) {
    try {
      return source.getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Error ids

  @ParameterizedTest
  @EnumSource(ErrorId.class)
  void everyErrorIdIsListedInTheReadme(ErrorId id) throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));

    assertThat(readme).contains("| `" + id.id() + "` |");
  }

  // ---------------------------------------------------------------------------------------------
  // Misuse across schemas

  @Test
  void twoSchemasWithTheSameExplicitWireName() {
    JavaFileObject first = source("First", "@EventSchema(\"shared\") public interface First { String a(); }");
    JavaFileObject second = source("Second", "@EventSchema(\"shared\") public interface Second { String b(); }");

    Compilation compilation = GeneratedCode.compile(first, second);

    assertErrorOn(compilation, second, "[eventschema:duplicate-wire-name] wire name 'shared' is already used by",
        "public interface Second");
    assertThat(compilation.errors()).extracting(d -> d.getMessage(null))
        .filteredOn(m -> m.contains("is already used by")).allSatisfy(m -> assertThat(m).contains("First"));
  }

  @Test
  void anExplicitWireNameEqualToAnotherSchemasDefaultName() {
    JavaFileObject first = source("ModelLoadedEvent", "@EventSchema public interface ModelLoadedEvent { String model(); }");
    JavaFileObject second = source("Loaded", "@EventSchema(\"modelLoaded\") public interface Loaded { String model(); }");

    Compilation compilation = GeneratedCode.compile(first, second);

    assertErrorOn(compilation, second, "[eventschema:duplicate-wire-name]", "public interface Loaded");
  }

  // ---------------------------------------------------------------------------------------------
  // Unions

  @Test
  void aUnionMemberMustNotDeclareType() {
    JavaFileObject union = source("Media", "public sealed interface Media permits Image, Video {}");
    JavaFileObject image = source("Image", """
        @EventSchema("image") public non-sealed interface Image extends Media {
          String url();
          String type();
        }
        """);
    JavaFileObject video = source("Video", "@EventSchema(\"video\") public non-sealed interface Video extends Media { String url(); }");

    Compilation compilation = GeneratedCode.compile(union, image, video);

    assertErrorOn(compilation, image, "[eventschema:discriminator-clash] accessor type() clashes with", "String type();");
  }

  @ParameterizedTest
  @MethodSource
  void stringFormNeedsExactlyOneRequiredStringField(String fields) {
    JavaFileObject union = source("Content", "public sealed interface Content permits Link, Note {}");
    JavaFileObject link = source("Link", "@StringForm @EventSchema(\"link\") public non-sealed interface Link extends Content {\n"
        + fields + "\n}");
    JavaFileObject note = source("Note", "@EventSchema(\"note\") public non-sealed interface Note extends Content { String body(); }");

    Compilation compilation = GeneratedCode.compile(union, link, note);

    assertErrorOn(compilation, link, "[eventschema:string-form-shape] @StringForm needs exactly one required String field",
        "interface Link");
  }

  static Stream<Arguments> stringFormNeedsExactlyOneRequiredStringField() {
    return Stream.of(
        argumentSet("no field", ""),
        argumentSet("only an int", "  int size();"),
        argumentSet("only an optional String", "  Optional<String> url();"),
        argumentSet("only a list of Strings", "  List<String> urls();"),
        argumentSet("two required Strings", "  String url();\n  String title();"));
  }

  // ---------------------------------------------------------------------------------------------
  // Valid schemas

  @ParameterizedTest
  @EnumSource(TestSchemas.class)
  void validSchemasCompileWithoutAnyWarning(TestSchemas group) {
    Compilation compilation = GeneratedCode.compile(group.sources());

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void aFieldNamedTypeIsFineOutsideAUnion() {
    JavaFileObject source = source("Typed", "@EventSchema public interface Typed { String type(); int version(); }");

    Compilation compilation = GeneratedCode.compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void aStringFormMemberMayAllowItsStringToBeEmpty() {
    JavaFileObject union = source("Content", "public sealed interface Content permits Link, Note {}");
    JavaFileObject link = source("Link",
        "@StringForm @EventSchema(\"link\") public non-sealed interface Link extends Content { @AllowEmpty String url(); }");
    JavaFileObject note = source("Note", "@EventSchema(\"note\") public non-sealed interface Note extends Content { String body(); }");

    Compilation compilation = GeneratedCode.compile(union, link, note);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(0);
  }

  // ---------------------------------------------------------------------------------------------

  private static JavaFileObject source(String simpleName, String body) {
    return JavaFileObjects.forSourceString(PACKAGE + "." + simpleName, TestSchemas.header(PACKAGE) + body);
  }

  /** The compilation failed with an error containing {@code error} on the line containing {@code line}, and no such warning. */
  private static void assertErrorOn(Compilation compilation, JavaFileObject source, String error, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(error).inFile(source).onLineContaining(line);
    assertThat(compilation.errors()).extracting(d -> d.getMessage(null)).allMatch(m -> m.startsWith("[eventschema:"));
    List<String> warnings = compilation.warnings().stream().map(d -> d.getMessage(null)).toList();
    assertThat(warnings).noneMatch(w -> w.contains(error));
    assertThat(compilation.diagnostics()).map(Diagnostic::getKind).doesNotContain(Diagnostic.Kind.MANDATORY_WARNING);
  }
}
