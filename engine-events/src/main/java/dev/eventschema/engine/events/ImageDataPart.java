package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Base64;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Size;

/** An image sent inline, base64-encoded. */
@EventSchema(value = "imageDataPart", version = 2)
public non-sealed interface ImageDataPart extends PromptPart {

  /** The image's media type, such as {@code image/png}. */
  @Pattern(regexp = "image/[a-z0-9.+-]+", message = "an image media type such as 'image/png'")
  String mediaType();

  /**
   * The bytes in standard base64; at most 16 MiB of text, to keep events bounded. {@code @Base64}
   * checks the alphabet and the padding and exports {@code "contentEncoding": "base64"}; whole
   * quartets are left to the decoder (see {@link Base64}).
   */
  @Size(max = 16 * 1024 * 1024)
  @Base64
  String data();
}
