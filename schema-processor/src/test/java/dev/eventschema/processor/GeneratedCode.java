package dev.eventschema.processor;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.eventschema.EventSchema;
import dev.eventschema.SchemaValidator;
import dev.eventschema.json.JsonCodec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles schema sources with {@link EventSchemaProcessor} and gives tests access to what was
 * generated: the classes (loaded by a {@link CompilationClassLoader} whose parent is the test class
 * loader, so that {@code dev.eventschema.*} is shared), validators, builders and resources.
 *
 * <p>The generated types only exist at run time, so tests reach them by reflection ({@link
 * ReflectiveCalls}, {@link GeneratedBuilder}).
 */
final class GeneratedCode {

  /** The package of the schemas in {@link TestSchemas}. */
  static final String PACKAGE = "com.example.events";

  /**
   * The lint options of the project build (see the parent pom): every lint warning but
   * "processing", which would flag the generated {@code @Generated} annotations as unclaimed.
   */
  static final List<String> LINT = List.of("-Xlint:all,-processing");

  private final Compilation compilation;
  private final ClassLoader loader;

  private GeneratedCode(Compilation compilation) {
    this.compilation = compilation;
    this.loader = new CompilationClassLoader(compilation, GeneratedCode.class.getClassLoader());
  }

  // ------------------------------------------------------------------------------------------
  // Compiling

  /** Compiles {@code sources} with the processor; the outcome is left to the caller. */
  static Compilation compile(List<JavaFileObject> sources) {
    return Compiler.javac()
        .withProcessors(new EventSchemaProcessor())
        .withOptions(LINT)
        .withClasspath(List.of(annotationsClasspath()))
        .compile(sources);
  }

  /** Compiles {@code sources} with the processor and {@code options} (such as {@code -Akey=value}) beside the lint ones. */
  static Compilation compileWithOptions(List<String> options, List<JavaFileObject> sources) {
    List<String> all = new ArrayList<>(LINT);
    all.addAll(options);
    return Compiler.javac()
        .withProcessors(new EventSchemaProcessor())
        .withOptions(all)
        .withClasspath(List.of(annotationsClasspath()))
        .compile(sources);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(sources));
  }

  /**
   * Compiles {@code sources} with schema-json and jackson-core on the class path too, so that the
   * processor also generates the JSON codecs; fails unless the compilation succeeded.
   */
  static GeneratedCode compileWithJsonOrFail(List<JavaFileObject> sources) {
    Compilation compilation = Compiler.javac()
        .withProcessors(new EventSchemaProcessor())
        .withOptions(LINT)
        .withClasspath(List.of(annotationsClasspath(), classpathOf(JsonCodec.class), classpathOf(JsonParser.class)))
        .compile(sources);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("expected the schemas to compile, but javac said:\n" + describe(compilation.diagnostics()));
    }
    return new GeneratedCode(compilation);
  }

  /** Compiles {@code sources} with {@code processors} (which name {@link EventSchemaProcessor} where wanted). */
  static Compilation compileWith(List<Processor> processors, JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(processors)
        .withOptions(LINT)
        .withClasspath(List.of(annotationsClasspath()))
        .compile(sources);
  }

  /** The classes and resources of a successful {@code compilation}. */
  static GeneratedCode of(Compilation compilation) {
    return new GeneratedCode(compilation);
  }

  /** Compiles {@code sources}, failing with every diagnostic unless the compilation succeeded. */
  static GeneratedCode compileOrFail(List<JavaFileObject> sources) {
    Compilation compilation = compile(sources);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("expected the schemas to compile, but javac said:\n" + describe(compilation.diagnostics()));
    }
    return new GeneratedCode(compilation);
  }

  /** The diagnostics, one per line, for failure messages. */
  static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
            + d.getMessage(null))
        .collect(Collectors.joining("\n"));
  }

  /** Where {@code dev.eventschema} comes from: the classpath the schemas compile against. */
  private static File annotationsClasspath() {
    return classpathOf(EventSchema.class);
  }

  private static File classpathOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Compilation compilation() {
    return compilation;
  }

  // ------------------------------------------------------------------------------------------
  // Generated types

  /** The class {@code PACKAGE.simpleName}, generated or compiled from a test source. */
  Class<?> type(String simpleName) {
    try {
      return Class.forName(PACKAGE + "." + simpleName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class " + PACKAGE + "." + simpleName + " was generated; generated files: "
          + compilation.generatedFiles().stream().map(JavaFileObject::getName).toList(), e);
    }
  }

  /** {@code <schema>Codec.INSTANCE}, generated when schema-json was on the class path. */
  @SuppressWarnings("unchecked")
  JsonCodec<Object> codec(String schema) {
    Class<?> codecClass = type(schema + "Codec");
    try {
      return (JsonCodec<Object>) codecClass.getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(codecClass + " has no public static INSTANCE", e);
    }
  }

  /** {@code <schema>Validator.INSTANCE}. */
  @SuppressWarnings("unchecked")
  SchemaValidator<Object> validator(String schema) {
    Class<?> validatorClass = type(schema + "Validator");
    try {
      return (SchemaValidator<Object>) validatorClass.getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(validatorClass + " has no public static INSTANCE", e);
    }
  }

  /** {@code <schema>Builder.builder()}. */
  GeneratedBuilder builder(String schema) {
    return new GeneratedBuilder(ReflectiveCalls.callStatic(type(schema + "Builder"), "builder"));
  }

  /** {@code <schema>Builder.from(value)}. */
  GeneratedBuilder from(String schema, Object value) {
    return new GeneratedBuilder(ReflectiveCalls.callStatic(type(schema + "Builder"), "from", value));
  }

  /** A hand-written implementation of the schema interface whose accessors return {@code fields}. */
  Object implement(String schema, Map<String, ?> fields) {
    Class<?> type = type(schema);
    return Proxy.newProxyInstance(loader, new Class<?>[] {type}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "toString":
          return "HandWritten" + schema + fields;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          if (fields.containsKey(method.getName())) {
            return fields.get(method.getName());
          }
          return emptyValueOf(method.getReturnType(), schema + "." + method.getName());
      }
    });
  }

  private static Object emptyValueOf(Class<?> type, String accessor) {
    if (type == Optional.class) {
      return Optional.empty();
    } else if (type == OptionalInt.class) {
      return OptionalInt.empty();
    } else if (type == OptionalLong.class) {
      return OptionalLong.empty();
    } else if (type == OptionalDouble.class) {
      return OptionalDouble.empty();
    } else if (type == List.class) {
      return List.of();
    } else if (type == Map.class) {
      return Map.of();
    } else if (type.isPrimitive()) {
      throw new IllegalStateException("the test must give a value for " + accessor);
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // Generated files

  /** The text of a file generated to CLASS_OUTPUT, such as {@code META-INF/eventschema/x.schema.json}. */
  Optional<String> resource(String path) {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).map(GeneratedCode::read);
  }

  /** The text of the generated source of {@code PACKAGE.simpleName}. */
  Optional<String> source(String simpleName) {
    return compilation.generatedSourceFile(PACKAGE + "." + simpleName).map(GeneratedCode::read);
  }

  private static String read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
