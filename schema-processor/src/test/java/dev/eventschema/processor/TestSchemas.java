package dev.eventschema.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.JavaFileObject;

/**
 * Realistic schemas, in package {@value GeneratedCode#PACKAGE}, in groups that compile separately
 * (so that a processor bug in one feature does not hide the behaviour of the others). Each group is
 * compiled once per test run.
 */
enum TestSchemas {

  /** Optional fields with constraints, and a map constrained on its keys and values. */
  TELEMETRY(
      source("TelemetryConfig", """
          @EventSchema
          public interface TelemetryConfig {
            boolean enabled();

            @Size(min = 1, max = 100)
            @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, hyphens and underscores only")
            Optional<String> serviceName();

            @Range(min = 1024, max = 65535) OptionalInt prometheusPort();

            @Range(min = 1000, max = 600000) OptionalLong exportIntervalMs();

            @Size(max = 16)
            Map<@Pattern(regexp = "(?!__)[a-zA-Z_][a-zA-Z0-9_]*") String, @Size(max = 128) String> labels();
          }
          """)),

  /** A streamed token: an empty-allowed string, an optional double, open metadata; and plain events. */
  TOKENS(
      source("TokenEvent", """
          @EventSchema
          public interface TokenEvent {
            String requestId();

            int index();

            @AllowEmpty String token();

            @NegativeOrZero OptionalDouble logprob();

            Map<String, Object> metadata();

            @PositiveOrZero double elapsedMs();
          }
          """),
      source("HandWrittenToken", """
          public record HandWrittenToken(
              String requestId, int index, String token, OptionalDouble logprob,
              Map<String, Object> metadata, double elapsedMs) implements TokenEvent {}
          """),
      source("ModelLoadedEvent", """
          @EventSchema
          public interface ModelLoadedEvent {
            String model();

            String modelPath();

            @PositiveOrZero OptionalLong parameters();

            Map<String, Object> metadata();
          }
          """),
      source("ModelUnloadedEvent", """
          @EventSchema
          public interface ModelUnloadedEvent {
            String model();

            String modelPath();
          }
          """)),

  /** An enum, a nested schema, a list of nested schemas and constrained list elements. */
  JOBS(
      source("JobStatus", """
          public enum JobStatus { QUEUED, RUNNING, SUCCEEDED, FAILED }
          """),
      source("Resources", """
          @EventSchema
          public interface Resources {
            @Positive int cpus();

            @PositiveOrZero long memoryBytes();

            Optional<String> gpu();
          }
          """),
      source("Step", """
          @EventSchema
          public interface Step {
            @NotBlank String name();

            @Min(0) @Max(3600) int durationSec();

            List<@NotBlank String> logs();
          }
          """),
      source("JobUpdatedEvent", """
          @EventSchema("job.updated")
          public interface JobUpdatedEvent {
            String jobId();

            JobStatus status();

            Optional<JobStatus> previousStatus();

            Resources resources();

            @Size(max = 5) List<Step> steps();

            @Size(max = 3) List<@Pattern(regexp = "[a-z]+") String> tags();
          }
          """)),

  /** Every numeric constraint. */
  SAMPLING(
      source("SamplingParams", """
          @EventSchema
          public interface SamplingParams {
            @Range(min = 0, max = 2) double temperature();

            @Positive int maxTokens();

            @PositiveOrZero long seed();

            @Min(1) @Max(100) OptionalInt topK();

            @Negative OptionalDouble logitBias();

            List<@Positive Integer> stopTokenIds();
          }
          """)),

  /** A union with a string form, used as a field and as list elements. */
  PROMPTS(PromptUnion.with(
      source("GenerationRequestedEvent", """
          @EventSchema
          public interface GenerationRequestedEvent {
            String model();

            Prompt prompt();

            List<Prompt> history();
          }
          """))),

  /** Enums, nested schemas and numbers inside optionals, lists and maps. */
  CONTAINERS(
      source("Level", """
          public enum Level { LOW, HIGH }
          """),
      source("Point", """
          @EventSchema
          public interface Point {
            int x();

            int y();
          }
          """),
      source("InventoryEvent", """
          @EventSchema
          public interface InventoryEvent {
            List<Level> levels();

            Map<String, Level> levelByHost();

            Optional<Point> origin();

            List<Point> path();

            Map<String, Point> pointsByName();

            List<Double> readings();

            Map<String, @Positive Integer> counts();

            Map<String, Boolean> flags();

            List<@Size(max = 3) String> codes();

            List<Long> ids();
          }
          """)),

  /** A union inside an optional and a map. */
  UNION_CONTAINERS(PromptUnion.with(
      source("ConversationEvent", """
          @EventSchema
          public interface ConversationEvent {
            Optional<Prompt> system();

            Map<String, Prompt> named();
          }
          """))),

  /** A non-strict schema with a strict nested schema. */
  LENIENT(
      source("NodeInfo", """
          @EventSchema
          public interface NodeInfo {
            String host();
          }
          """),
      source("HeartbeatEvent", """
          @EventSchema(value = "heartbeat", strict = false)
          public interface HeartbeatEvent {
            String node();

            long uptimeMs();

            Optional<NodeInfo> info();
          }
          """));

  private static final Map<TestSchemas, Object> COMPILED = new ConcurrentHashMap<>();
  private static final Map<TestSchemas, Object> COMPILED_WITH_JSON = new ConcurrentHashMap<>();

  private final List<JavaFileObject> sources;

  TestSchemas(JavaFileObject... sources) {
    this.sources = List.of(sources);
  }

  List<JavaFileObject> sources() {
    return sources;
  }

  /** The prompt union (a bare-string text member and a template member) that two groups use. */
  private static final class PromptUnion {
    private PromptUnion() {}

    /** The union's sources followed by {@code schemas}. */
    static JavaFileObject[] with(JavaFileObject... schemas) {
      List<JavaFileObject> all = new java.util.ArrayList<>(List.of(
          source("Prompt", """
              public sealed interface Prompt permits TextPrompt, TemplatePrompt {}
              """),
          source("TextPrompt", """
              @StringForm
              @EventSchema("text")
              public non-sealed interface TextPrompt extends Prompt {
                String text();
              }
              """),
          source("TemplatePrompt", """
              @EventSchema("template")
              public non-sealed interface TemplatePrompt extends Prompt {
                String template();

                Map<String, String> variables();
              }
              """)));
      all.addAll(List.of(schemas));
      return all.toArray(JavaFileObject[]::new);
    }
  }

  /** The group compiled with the processor (once); fails the test if it does not compile. */
  GeneratedCode code() {
    return compiled(COMPILED, GeneratedCode::compileOrFail);
  }

  /** The group compiled (once) with schema-json on the class path: with the JSON codecs. */
  GeneratedCode codeWithJson() {
    return compiled(COMPILED_WITH_JSON, GeneratedCode::compileWithJsonOrFail);
  }

  private GeneratedCode compiled(Map<TestSchemas, Object> cache,
      java.util.function.Function<List<JavaFileObject>, GeneratedCode> compiler) {
    Object compiled = cache.computeIfAbsent(this, group -> {
      try {
        return compiler.apply(group.sources);
      } catch (AssertionError | RuntimeException e) {
        return e;
      }
    });
    if (compiled instanceof GeneratedCode code) {
      return code;
    }
    throw new AssertionError("the " + this + " schemas could not be compiled", (Throwable) compiled);
  }

  /** A source file in {@value GeneratedCode#PACKAGE} that imports everything a schema may need. */
  static JavaFileObject source(String simpleName, String body) {
    return JavaFileObjects.forSourceString(GeneratedCode.PACKAGE + "." + simpleName, header(GeneratedCode.PACKAGE) + body);
  }

  /** The package declaration and imports shared by every test source. */
  static String header(String packageName) {
    return "package " + packageName + ";\n"
        + "\n"
        + "import dev.eventschema.EventSchema;\n"
        + "import dev.eventschema.StringForm;\n"
        + "import dev.eventschema.constraints.AllowEmpty;\n"
        + "import dev.eventschema.constraints.Max;\n"
        + "import dev.eventschema.constraints.Min;\n"
        + "import dev.eventschema.constraints.Negative;\n"
        + "import dev.eventschema.constraints.NegativeOrZero;\n"
        + "import dev.eventschema.constraints.NotBlank;\n"
        + "import dev.eventschema.constraints.Pattern;\n"
        + "import dev.eventschema.constraints.Positive;\n"
        + "import dev.eventschema.constraints.PositiveOrZero;\n"
        + "import dev.eventschema.constraints.Range;\n"
        + "import dev.eventschema.constraints.Size;\n"
        + "import java.util.List;\n"
        + "import java.util.Map;\n"
        + "import java.util.Optional;\n"
        + "import java.util.OptionalDouble;\n"
        + "import java.util.OptionalInt;\n"
        + "import java.util.OptionalLong;\n"
        + "\n";
  }
}
