package dev.eventschema.differential;

import dev.eventschema.SchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The schemas a module generated: every {@code META-INF/eventschema/*.schema.json} of its compiled
 * classes, each with its validator ({@code *Validator.INSTANCE}), so that a differential can cover
 * all of them and notice a schema without a validator.
 */
public final class GeneratedSchemas {

  private GeneratedSchemas() {}

  /** The wire names of the exported schemas in the classes directory that holds {@code anchor}. */
  public static java.util.Set<String> exported(Class<?> anchor) {
    Path dir = classesOf(anchor).resolve("META-INF/eventschema");
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".schema.json"))
          .map(name -> name.substring(0, name.length() - ".schema.json".length()))
          .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every generated validator in the classes directory that holds {@code anchor}, by wire name. */
  public static Map<String, SchemaValidator<?>> validators(Class<?> anchor) {
    Path classes = classesOf(anchor);
    Map<String, SchemaValidator<?>> validators = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith("Validator.class"))::iterator) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> type = Class.forName(name, true, anchor.getClassLoader());
        if (SchemaValidator.class.isAssignableFrom(type)) {
          SchemaValidator<?> validator = (SchemaValidator<?>) type.getField("INSTANCE").get(null);
          validators.put(validator.eventName(), validator);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("a generated validator could not be loaded", e);
    }
    return validators;
  }

  private static Path classesOf(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
