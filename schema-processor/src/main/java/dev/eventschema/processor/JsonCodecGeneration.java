package dev.eventschema.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import dev.eventschema.processor.model.GeneratedNames;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.rendering.CodecProviderRenderer;
import dev.eventschema.processor.rendering.CodecRenderer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import javax.lang.model.util.Elements;

/**
 * The JSON half of the processor, active only when {@code schema-json} is on the compile class
 * path: a {@code FooCodec} per schema, then one {@code EventSchemaCodecs} provider per package and
 * the {@code META-INF/services} file that lists them.
 *
 * <p>Providers are written in the first round after the codecs (a source written in the last round
 * would not be compiled), the service file when processing is over: it can be created only once.
 */
final class JsonCodecGeneration {

  /** The class whose presence on the compile class path turns the JSON codecs on. */
  static final String MARKER = "dev.eventschema.json.JsonCodec";
  private static final String PROVIDER_NAME = "EventSchemaCodecs";

  private final Elements elements;
  private final BiConsumer<String, TypeSpec> writeSource;
  private final BiConsumer<String, String> writeResource;
  private final boolean enabled;
  private final Set<ClassName> generated = new HashSet<>();
  private final Map<String, List<ClassName>> unlisted = new TreeMap<>();
  private final List<String> providers = new ArrayList<>();

  JsonCodecGeneration(Elements elements, BiConsumer<String, TypeSpec> writeSource,
      BiConsumer<String, String> writeResource) {
    this.elements = elements;
    this.writeSource = writeSource;
    this.writeResource = writeResource;
    this.enabled = elements.getTypeElement(MARKER) != null;
  }

  /** Writes the codecs of the schemas read in this round. */
  void generate(List<SchemaModel> schemas) {
    if (!enabled) {
      return;
    }
    // Known before rendering, so that schemas of one round can refer to each other's codecs.
    schemas.forEach(schema -> generated.add(schema.type()));
    CodecRenderer renderer = new CodecRenderer(this::hasCodec);
    for (SchemaModel schema : schemas) {
      writeSource.accept(schema.type().packageName(), renderer.render(schema));
      unlisted.computeIfAbsent(schema.type().packageName(), p -> new ArrayList<>())
          .add(schema.codec());
    }
  }

  /** At the end of a round: providers for the codecs of earlier rounds; the service file at the very end. */
  void endRound(boolean readSchemas, boolean processingOver) {
    if (!enabled) {
      return;
    }
    if (!readSchemas && !processingOver) {
      unlisted.forEach(this::writeProvider);
      unlisted.clear();
    }
    if (processingOver && !providers.isEmpty()) {
      writeResource.accept(CodecProviderRenderer.SERVICE_FILE, String.join("\n", providers) + "\n");
    }
  }

  private void writeProvider(String packageName, List<ClassName> codecs) {
    ClassName provider = ClassName.get(packageName, PROVIDER_NAME);
    // A package may already have one on the class path (main's, when compiling tests): take the next name.
    for (int n = 2; elements.getTypeElement(provider.canonicalName()) != null
        || providers.contains(provider.canonicalName()); n++) {
      provider = ClassName.get(packageName, PROVIDER_NAME + n);
    }
    writeSource.accept(packageName, new CodecProviderRenderer().render(provider, codecs));
    providers.add(provider.canonicalName());
  }

  private boolean hasCodec(ClassName schema) {
    return generated.contains(schema) || elements.getTypeElement(GeneratedNames.codec(schema).canonicalName()) != null;
  }
}
