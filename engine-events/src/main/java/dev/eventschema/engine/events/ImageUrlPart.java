package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Size;

/** An image the runtime fetches itself. */
@EventSchema("imageUrlPart")
public non-sealed interface ImageUrlPart extends PromptPart {

  /** An absolute http(s) URL; inline bytes belong in an {@link ImageDataPart}. */
  @Size(max = 8192)
  @Pattern(regexp = "https?://[^ \\t\\n\\x0B\\f\\r]+", message = "an absolute http or https URL without spaces")
  String url();
}
