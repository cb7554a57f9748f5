package dev.eventschema.engine.api.openai;

import java.util.List;
import java.util.Locale;

/**
 * Turns chat messages into the one prompt a completion model continues, the same way every time:
 * each message on its own line as {@code Role: content} (roles capitalised: {@code System},
 * {@code Developer}, {@code User}, {@code Assistant}), then a last line {@code Assistant:} for the
 * model to continue. A {@code name} is not shown. For example
 *
 * <pre>
 * System: Be brief.
 * User: Where is the harbour?
 * Assistant:
 * </pre>
 *
 * <p>A plain-text template rather than special tokens: the embedded model is a word n-gram model
 * trained on prose, and markers such as {@code <|user|>} would only read as punctuation to it.
 */
public final class ChatTemplate {

  private ChatTemplate() {}

  public static String render(List<ChatMessage> messages) {
    StringBuilder prompt = new StringBuilder();
    for (ChatMessage message : messages) {
      prompt.append(label(message.role())).append(": ").append(message.content()).append('\n');
    }
    return prompt.append(label(ChatRole.ASSISTANT)).append(':').toString();
  }

  private static String label(ChatRole role) {
    String name = role.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
