package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Size;

/** An image sent inline, base64-encoded. */
@EventSchema("imageDataPart")
public non-sealed interface ImageDataPart extends PromptPart {

  /** The image's media type, such as {@code image/png}. */
  @Pattern(regexp = "image/[a-z0-9.+-]+", message = "an image media type such as 'image/png'")
  String mediaType();

  /**
   * The bytes in standard base64; at most 16 MiB of text, to keep events bounded. The pattern is a
   * single repeated class: a repeated group such as {@code (?:[A-Za-z0-9+/]{4})*} recurses once per
   * repetition in backtracking regex engines (Java's, several JavaScript ones) and overflows their
   * stack on megabytes, so whole quartets are left to the decoder.
   */
  @Size(max = 16 * 1024 * 1024)
  @Pattern(regexp = "[A-Za-z0-9+/]*={0,2}", message = "standard base64: letters, digits, '+' and '/', then at most"
      + " two '='")
  String data();
}
