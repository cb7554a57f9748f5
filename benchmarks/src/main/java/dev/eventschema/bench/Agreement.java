package dev.eventschema.bench;

import dev.eventschema.Violation;
import java.util.List;

/** Set-up checks: a benchmark that measured a validator ignoring its rules would be worthless. */
final class Agreement {

  private Agreement() {}

  static void check(String what, int expected, List<Violation> generated, List<Violation> handWritten,
      int hibernate, int avaje) {
    require(generated.size() == expected, what + ": generated found " + generated + ", expected " + expected);
    require(generated.equals(handWritten), what + ": hand-written found " + handWritten + ", generated " + generated);
    require(hibernate == expected, what + ": Hibernate Validator found " + hibernate + ", expected " + expected);
    require(avaje == expected, what + ": avaje-validator found " + avaje + ", expected " + expected);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("benchmark set-up: " + message);
    }
  }
}
