package dev.eventschema.processor;

import com.google.testing.compile.Compilation;
import dev.eventschema.SchemaValidator;
import java.util.List;
import javax.tools.JavaFileObject;

/** {@link GeneratedCode} for the tests of other packages (the evolution tests). */
public final class GeneratedCodeAccess {

  private final GeneratedCode code;

  private GeneratedCodeAccess(GeneratedCode code) {
    this.code = code;
  }

  /** Compiles {@code sources} with the processor, the project's lint options and {@code options}. */
  public static Compilation compile(List<String> options, List<JavaFileObject> sources) {
    return GeneratedCode.compileWithOptions(options, sources);
  }

  /** The classes of a successful {@code compilation}. */
  public static GeneratedCodeAccess of(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("expected the schemas to compile, but javac said:\n"
          + GeneratedCode.describe(compilation.diagnostics()));
    }
    return new GeneratedCodeAccess(GeneratedCode.of(compilation));
  }

  /** The package the schemas of tests are compiled in. */
  public static final String PACKAGE = GeneratedCode.PACKAGE;

  /** {@code <simpleName>Validator.INSTANCE}, for a schema in {@link #PACKAGE}. */
  public SchemaValidator<Object> validator(String simpleName) {
    return code.validator(simpleName);
  }

  /** The text of a generated resource, such as {@code META-INF/eventschema/wire.schema.json}. */
  public String resource(String path) {
    return code.resource(path).orElseThrow(() -> new AssertionError("no resource " + path));
  }
}
