package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;

/**
 * The result of {@code shutdown}: any object, usually {@code {}}. Lenient, because nothing in it is
 * used: the answer only says that the runtime heard the request before it exits.
 */
@EventSchema(value = "shutdown.result", strict = false)
public interface ShutdownResult {}
