package dev.eventschema;

/**
 * Which changes to a schema the processor accepts, compared with its baseline (the exported JSON
 * Schema of the last release). The modes are Confluent Schema Registry's:
 *
 * <ul>
 *   <li>{@link #BACKWARD}: a reader built from the new schema reads every payload that was valid
 *       under the baseline. Upgrade readers (consumers) first.
 *   <li>{@link #FORWARD}: a reader built from the baseline reads every payload that is valid under
 *       the new schema. Upgrade writers (producers) first. Strict schemas are closed content models:
 *       there even an added optional field breaks FORWARD, because old readers reject the unknown key.
 *   <li>{@link #FULL}: both.
 *   <li>{@link #NONE}: not checked.
 * </ul>
 *
 * <p>{@link #DEFAULT} takes the project-wide mode from the processor option
 * {@code -Aeventschema.compatibility=...}, which is {@code BACKWARD} when not set.
 */
public enum Compatibility {
  /** The project-wide mode (processor option {@code eventschema.compatibility}, else {@code BACKWARD}). */
  DEFAULT,
  BACKWARD,
  FORWARD,
  FULL,
  NONE
}
