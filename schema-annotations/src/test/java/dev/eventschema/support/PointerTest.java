package dev.eventschema.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointerTest {

  @Test
  void escapesTildeAndSlashAsRfc6901Says() {
    assertThat(Pointer.child("/labels", "a/b~c")).isEqualTo("/labels/a~1b~0c");
    assertThat(Pointer.child("", "model")).isEqualTo("/model");
    assertThat(Pointer.child("/parts", 2)).isEqualTo("/parts/2");
  }
}
