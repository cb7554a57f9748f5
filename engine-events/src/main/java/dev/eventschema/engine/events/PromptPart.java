package dev.eventschema.engine.events;

/**
 * One part of a {@link MultimodalPrompt}: a bare string ({@link TextPart}), or an object whose
 * {@code type} is {@code imageUrlPart} or {@code imageDataPart}.
 *
 * <p>Its member wire names end in {@code Part} because every wire name is also the name of a
 * published JSON Schema file, and {@code text} is already {@link TextPrompt}'s.
 */
public sealed interface PromptPart permits TextPart, ImageUrlPart, ImageDataPart {}
