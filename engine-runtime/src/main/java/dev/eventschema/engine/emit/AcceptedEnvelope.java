package dev.eventschema.engine.emit;

import dev.eventschema.engine.events.EventEnvelope;
import java.util.Map;
import java.util.Optional;

/**
 * The envelope of an event the emitter accepted, made of parts that are valid by construction, so
 * nothing in it is checked again: {@code seq} from the {@link EnvelopeSequencer} (positive),
 * {@code time} from its clock ({@code Instant.toString} in milliseconds: the envelope's pattern),
 * {@code type} an {@code EventType}'s wire name, {@code generationId} checked by the emitter's
 * argument check (1 to 128 characters), and {@code payload} the wire form of an event its validator
 * accepted, as an immutable {@code JsonValues.copyObject} copy (whose checked parts, such as the
 * metadata of a built or parsed event, are kept rather than copied).
 *
 * <p>Before, the emitter built this through {@code EventEnvelopeBuilder}, which walked the payload's
 * JSON values and matched the time and type regexes on every event; that was most of what
 * validation added to the emit path (benchmarks/RESULTS.md, proposal 4).
 */
record AcceptedEnvelope(long seq, String time, String type, Optional<String> generationId,
    Map<String, Object> payload) implements EventEnvelope {}
