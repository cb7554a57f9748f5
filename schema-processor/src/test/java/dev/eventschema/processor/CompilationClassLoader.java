package dev.eventschema.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Loads the classes compiled to CLASS_OUTPUT, delegating everything else to the test class loader. */
final class CompilationClassLoader extends ClassLoader {
  private final Compilation compilation;

  CompilationClassLoader(Compilation compilation, ClassLoader parent) {
    super(parent);
    this.compilation = compilation;
  }

  /** Resources generated to CLASS_OUTPUT, such as the JSON Schemas that {@code jsonSchema()} reads. */
  @Override
  public InputStream getResourceAsStream(String name) {
    Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, name);
    if (file.isEmpty()) {
      return super.getResourceAsStream(name);
    }
    try {
      return file.get().openInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    int dot = name.lastIndexOf('.');
    String packageName = dot < 0 ? "" : name.substring(0, dot);
    String fileName = name.substring(dot + 1) + ".class";
    Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, packageName, fileName);
    if (file.isEmpty()) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = file.get().openInputStream()) {
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
