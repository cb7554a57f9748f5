package dev.eventschema.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * A sealed interface whose permitted subtypes are {@code @EventSchema} interfaces, discriminated on
 * the wire by {@link #DISCRIMINATOR}.
 *
 * @param type the sealed interface
 * @param helper the generated {@code FooUnion} class that reads, checks and writes members
 * @param members the permitted subtypes, in {@code permits} order
 */
public record UnionModel(ClassName type, ClassName helper, List<Member> members) {

  /** The wire key that names a member. */
  public static final String DISCRIMINATOR = "type";

  /** The member that may travel as a bare string, if any. */
  public Optional<Member> stringForm() {
    return members.stream().filter(m -> m.stringField().isPresent()).findFirst();
  }

  /**
   * One member of a union.
   *
   * @param type the member interface
   * @param validator its generated validator
   * @param wireName its discriminator value
   * @param stringField for a {@code @StringForm} member, the accessor that holds the bare string
   */
  public record Member(ClassName type, ClassName validator, String wireName, Optional<String> stringField) {}
}
