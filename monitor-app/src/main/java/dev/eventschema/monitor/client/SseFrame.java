package dev.eventschema.monitor.client;

/**
 * One dispatched Server-Sent Events frame.
 *
 * @param event the {@code event:} field ({@code message} when absent, as the SSE spec says)
 * @param id the {@code id:} field, or {@code null} when the frame had none
 * @param data the {@code data:} lines joined with {@code \n}
 */
public record SseFrame(String event, String id, String data) {}
