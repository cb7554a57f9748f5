package dev.eventschema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wire keys that this schema used once and must never use again, like buf's reserved field names.
 * A field removed from an {@code @EventSchema} interface may still arrive from old producers, or be
 * read by old consumers with its old meaning: reserving its key keeps it from coming back with
 * another meaning. The processor reports a field whose key is reserved, and (once recorded in the
 * baseline) a key that is no longer reserved.
 *
 * <pre>{@code
 * @EventSchema
 * @Reserved({"modelPath"})    // removed in v3: the path was replaced by modelUri
 * public interface ModelLoadedEvent { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Reserved {

  /** The reserved wire keys. */
  String[] value();
}
