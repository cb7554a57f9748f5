package dev.eventschema.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated code as text: three representative schemas against golden files, so that every
 * change to generated code shows in review, and the style of everything generated.
 *
 * <p>After an intended change to generated code, regenerate the golden files and review their diff:
 * <pre>
 * ./mvnw -B -ntp -o verify -pl schema-processor -am -Dtest=GeneratedSourceTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 */
class GeneratedSourceTest {

  /** Where the golden files live, relative to the module (Maven runs tests there). */
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @Nested
  @DisplayName("the generated text of three representative schemas equals its golden file")
  class Golden {

    @ParameterizedTest(name = "{1}")
    @MethodSource("dev.eventschema.processor.GeneratedSourceTest#goldenFiles")
    void equalsTheGoldenFile(TestSchemas group, String file) throws IOException {
      String generated = generated(group, file);
      Path golden = GOLDEN.resolve(group.name().toLowerCase(java.util.Locale.ROOT)).resolve(file);
      if (UPDATE) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, generated, StandardCharsets.UTF_8);
      }

      assertThat(golden).as("golden file %s (regenerate with -Dgolden.update=true)", golden).exists();
      assertThat(generated).as("%s differs from %s; if the change is intended, regenerate with -Dgolden.update=true",
          file, golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
  }

  static Stream<Arguments> goldenFiles() {
    return Stream.of(
        // A config with patterns and a map
        Arguments.of(TestSchemas.TELEMETRY, "TelemetryConfigValidator.java"),
        Arguments.of(TestSchemas.TELEMETRY, "TelemetryConfigBuilder.java"),
        Arguments.of(TestSchemas.TELEMETRY, "ImmutableTelemetryConfig.java"),
        Arguments.of(TestSchemas.TELEMETRY, "telemetryConfig.schema.json"),
        // An event with a union
        Arguments.of(TestSchemas.PROMPTS, "GenerationRequestedEventValidator.java"),
        Arguments.of(TestSchemas.PROMPTS, "GenerationRequestedEventBuilder.java"),
        Arguments.of(TestSchemas.PROMPTS, "ImmutableGenerationRequestedEvent.java"),
        Arguments.of(TestSchemas.PROMPTS, "PromptUnion.java"),
        Arguments.of(TestSchemas.PROMPTS, "generationRequested.schema.json"),
        // A schema with nested lists
        Arguments.of(TestSchemas.JOBS, "JobUpdatedEventValidator.java"),
        Arguments.of(TestSchemas.JOBS, "JobUpdatedEventBuilder.java"),
        Arguments.of(TestSchemas.JOBS, "ImmutableJobUpdatedEvent.java"),
        Arguments.of(TestSchemas.JOBS, "job.updated.schema.json"));
  }

  /** A generated source ({@code Foo.java}) or JSON Schema ({@code wire.schema.json}) of {@code group}. */
  private static String generated(TestSchemas group, String file) {
    GeneratedCode code = group.code();
    return file.endsWith(".java")
        ? code.source(file.substring(0, file.length() - ".java".length())).orElseThrow()
        : code.resource("META-INF/eventschema/" + file).orElseThrow();
  }

  @Nested
  @DisplayName("every generated source of the test schemas")
  class Style {

    /** A call argument that is a bare boolean literal: {@code f(x, true)}. */
    private static final Pattern BARE_BOOLEAN = Pattern.compile("[(,]\\s*(true|false)\\s*[,)]");

    @ParameterizedTest
    @EnumSource(TestSchemas.class)
    void keepsLinesWithin120Characters(TestSchemas group) {
      for (JavaFileObject file : sources(group)) {
        assertThat(text(file).lines()).as(file.getName()).allSatisfy(line -> assertThat(line.length())
            .as("%s: %s", file.getName(), line).isLessThanOrEqualTo(120));
      }
    }

    @ParameterizedTest
    @EnumSource(TestSchemas.class)
    void passesNoBareBooleanArguments(TestSchemas group) {
      for (JavaFileObject file : sources(group)) {
        assertThat(text(file).lines()).as(file.getName()).noneMatch(line -> BARE_BOOLEAN.matcher(line).find());
      }
    }

    @ParameterizedTest
    @EnumSource(TestSchemas.class)
    void keepsTheJsonSchemaOutOfTheValidator(TestSchemas group) {
      for (JavaFileObject file : sources(group)) {
        assertThat(text(file)).as(file.getName()).doesNotContain("$schema").doesNotContain("JSON_SCHEMA");
      }
    }

    private static List<JavaFileObject> sources(TestSchemas group) {
      List<JavaFileObject> sources = group.code().compilation().generatedSourceFiles();
      assertThat(sources).isNotEmpty();
      return sources;
    }

    private static String text(JavaFileObject file) {
      try (InputStream in = file.openInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
