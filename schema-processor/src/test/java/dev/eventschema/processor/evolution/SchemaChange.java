package dev.eventschema.processor.evolution;

import java.util.List;
import java.util.Set;

/**
 * One change to a schema for the evolution tests: the body of an {@code @EventSchema} interface
 * before and after, the differences the check must find, and which modes it breaks.
 *
 * <p>In a body, {@code $} stands for the wire name of the interface, so that nested schemas and
 * union members get wire names of their own. A body may start with {@code open:} (the schema is
 * {@code strict = false}) and with {@code reserved:KEY|} ({@code @Reserved("KEY")}).
 *
 * @param name what the change is, for test names
 * @param before the body of the baseline
 * @param after the body now
 * @param codes every difference the check finds, breaking or not
 * @param breaks the modes it breaks, among {@code B} (BACKWARD) and {@code F} (FORWARD); FULL breaks if
 *     either does, NONE never
 * @param baselineEdit a literal replacement in the recorded baseline text ({@code from}, {@code to}),
 *     for rules that no annotation writes (an exclusive bound other than 0), or empty
 */
record SchemaChange(String name, String before, String after, Set<DifferenceCode> codes, String breaks,
    List<String> baselineEdit) {

  SchemaChange edit(String from, String to) {
    return new SchemaChange(name, before, after, codes, breaks, List.of(from, to));
  }

  static SchemaChange change(String name, String before, String after, String breaks, DifferenceCode... codes) {
    return new SchemaChange(name, before, after, Set.of(codes), breaks, List.of());
  }

  @Override
  public String toString() {
    return name;
  }
}
