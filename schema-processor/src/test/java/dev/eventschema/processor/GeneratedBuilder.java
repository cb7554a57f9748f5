package dev.eventschema.processor;

import dev.eventschema.SchemaViolationException;

/** A generated builder, driven by reflection; setters chain on the builder they return. */
final class GeneratedBuilder {
  private Object builder;

  GeneratedBuilder(Object builder) {
    this.builder = builder;
  }

  /** Calls the builder method {@code method} (a setter, {@code addX}, {@code putX}) with {@code args}. */
  GeneratedBuilder set(String method, Object... args) {
    builder = ReflectiveCalls.call(builder, method, args);
    return this;
  }

  Object builder() {
    return builder;
  }

  /** {@code build()}: the value, or the {@link SchemaViolationException} it throws. */
  Object build() {
    return ReflectiveCalls.call(builder, "build");
  }

  /** {@code build()}, which must throw a {@link SchemaViolationException}. */
  SchemaViolationException buildFailure() {
    try {
      Object value = build();
      throw new AssertionError("expected build() to throw a SchemaViolationException, but it built " + value);
    } catch (SchemaViolationException expected) {
      return expected;
    }
  }
}
