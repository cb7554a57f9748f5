package dev.eventschema.engine.backend;

/** Why a generation ended without an error. */
public enum FinishReason {
  /** The model produced its end-of-sequence token (sent to the sink as an empty token). */
  STOP,
  /** {@link GenerationRequest#maxTokens()} tokens were produced. */
  LENGTH,
  /**
   * {@link Generation#cancel()} was called, or the backend was closed. (The engine records a
   * generation its caller stopped at one of the request's stop sequences as {@link #STOP}.)
   */
  CANCELLED
}
