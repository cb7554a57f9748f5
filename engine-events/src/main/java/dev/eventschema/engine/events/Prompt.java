package dev.eventschema.engine.events;

/**
 * What a generation was asked: on the wire a bare string ({@link TextPrompt}), or an object whose
 * {@code type} is {@code template} ({@link TemplatePrompt}) or {@code multimodal}
 * ({@link MultimodalPrompt}).
 */
public sealed interface Prompt permits TextPrompt, TemplatePrompt, MultimodalPrompt {}
