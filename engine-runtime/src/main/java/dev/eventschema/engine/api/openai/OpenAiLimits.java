package dev.eventschema.engine.api.openai;

/** The bounds of what a request may ask for, written once for the schemas and the docs. */
public final class OpenAiLimits {

  /** The longest prompt or message content, in characters. */
  public static final int MAX_TEXT_CHARS = 65_536;
  /** The most messages in a chat request. */
  public static final int MAX_MESSAGES = 256;
  /** The most tokens one request may ask for. */
  public static final int MAX_TOKENS = 4096;
  /** The most stop sequences, as OpenAI allows. */
  public static final int MAX_STOP_SEQUENCES = 4;
  public static final int MAX_STOP_CHARS = 256;
  /** Alternatives per token: {@code top_logprobs} of a chat request. */
  public static final int MAX_TOP_LOGPROBS = 20;
  /** Alternatives per token: {@code logprobs} of a (legacy) completion request. */
  public static final int MAX_COMPLETION_LOGPROBS = 5;
  /** Tokens generated when a completion request does not say ({@code max_tokens}), as OpenAI does. */
  public static final int DEFAULT_COMPLETION_TOKENS = 16;
  /** Tokens generated when a chat request does not say. */
  public static final int DEFAULT_CHAT_TOKENS = 256;

  private OpenAiLimits() {}
}
