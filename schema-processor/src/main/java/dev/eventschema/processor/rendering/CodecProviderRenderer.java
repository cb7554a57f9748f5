package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.JsonNames.JSON_CODEC;
import static dev.eventschema.processor.rendering.JsonNames.JSON_CODEC_PROVIDER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Renders the {@code JsonCodecProvider} of one package: the list of its codecs, which
 * {@code EventSchemaModule} finds with {@link java.util.ServiceLoader} instead of scanning.
 */
public final class CodecProviderRenderer {

  /** The service file that lists the providers. */
  public static final String SERVICE_FILE = "META-INF/services/" + JSON_CODEC_PROVIDER.canonicalName();

  public TypeSpec render(ClassName provider, List<ClassName> codecs) {
    CodeBlock instances = codecs.stream()
        .map(codec -> CodeBlock.of("$T.INSTANCE", codec))
        .collect(CodeBlock.joining(",\n"));
    return TypeSpec.classBuilder(provider)
        .addJavadoc("The JSON codecs of the {@code @EventSchema} interfaces of this package, listed in\n"
            + "{@code $L} for {@link java.util.ServiceLoader}.\n", SERVICE_FILE)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(JSON_CODEC_PROVIDER)
        .addMethod(MethodSpec.methodBuilder("codecs")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(List.class),
                ParameterizedTypeName.get(JSON_CODEC, WildcardTypeName.subtypeOf(Object.class))))
            .addStatement("return $T.of(\n$>$>$L$<$<)", List.class, instances)
            .build())
        .build();
  }
}
