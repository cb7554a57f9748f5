package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.CheckRenderer.VIOLATION_LIST;
import static dev.eventschema.processor.rendering.Names.CODE;
import static dev.eventschema.processor.rendering.Names.POINTER;
import static dev.eventschema.processor.rendering.Names.VIOLATION;
import static dev.eventschema.processor.rendering.Names.VIOLATIONS;
import static dev.eventschema.processor.rendering.Names.WIRE_READER;
import static dev.eventschema.processor.rendering.Names.WIRE_TYPE;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.eventschema.processor.model.UnionModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Renders {@code FooUnion}: reads a member by its {@code type} key (or a bare string, for a
 * {@code @StringForm} member), checks and writes members through their own validators.
 */
public final class UnionRenderer {

  public TypeSpec render(UnionModel union) {
    return TypeSpec.classBuilder(union.helper())
        .addJavadoc("Reads, checks and writes the members of the union {@link $T}.\n", union.type())
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(read(union))
        .addMethod(validate(union))
        .addMethod(toWire(union))
        .build();
  }

  private static MethodSpec read(UnionModel union) {
    String allowed = union.members().stream().map(m -> "'" + m.wireName() + "'").collect(Collectors.joining(", "));
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addJavadoc("Reads a {@link $T}: $Lan object whose {@code type} names the member.\n", union.type(),
            union.stringForm().map(m -> "a bare string (a {@link " + m.type().simpleName() + "}), or ").orElse(""))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union.type())
        .addParameter(Object.class, "wire")
        .addParameter(String.class, "path")
        .addParameter(WIRE_READER, "in");
    union.stringForm().ifPresent(member -> method
        .beginControlFlow("if (wire instanceof $T)", String.class)
        .addStatement("return $T.stringForm($T.INSTANCE, $S).read(wire, path, in)", WIRE_TYPE, member.validator(),
            member.stringField().orElseThrow())
        .endControlFlow());
    method.beginControlFlow("if (!(wire instanceof $T<?, ?> object))", Map.class)
        .addStatement("return in.invalidType(path, $S, wire)",
            union.stringForm().isPresent() ? "a string or an object" : "an object")
        .endControlFlow()
        .addStatement("$T type = object.get($S)", Object.class, UnionModel.DISCRIMINATOR);
    for (UnionModel.Member member : union.members()) {
      method.beginControlFlow("if ($S.equals(type))", member.wireName())
          .addStatement("return $T.schema($T.INSTANCE).read(wire, path, in)", WIRE_TYPE, member.validator())
          .endControlFlow();
    }
    return method
        .addStatement("in.report($T.child(path, $S), $T.INVALID_UNION,$W$S + (type == null ? $S : $T.describe(type)))",
            POINTER, UnionModel.DISCRIMINATOR, CODE, "must be one of " + allowed + ", was ", "missing", VIOLATIONS)
        .addStatement("return null")
        .build();
  }

  private static MethodSpec validate(UnionModel union) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("validate")
        .addJavadoc("Checks a member with its own validator.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(VIOLATION_LIST)
        .addParameter(union.type(), "value");
    for (UnionModel.Member member : union.members()) {
      method.beginControlFlow("if (value instanceof $T member)", member.type())
          .addStatement("return $T.INSTANCE.validate(member)", member.validator())
          .endControlFlow();
    }
    return method.addStatement("return $T.of(new $T($S, $T.INVALID_UNION,$W$S + value.getClass().getName()))",
            List.class, VIOLATION, "", CODE, "must be a member of " + union.type().simpleName() + ", was ")
        .build();
  }

  private static MethodSpec toWire(UnionModel union) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toWire")
        .addJavadoc("The wire form of a member: its map with {@code type}$L.\n",
            union.stringForm().map(m -> ", or the bare string of a {@link " + m.type().simpleName() + "}").orElse(""))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(union.type(), "value");
    for (UnionModel.Member member : union.members()) {
      method.beginControlFlow("if (value instanceof $T member)", member.type());
      if (member.stringField().isPresent()) {
        method.addStatement("return member.$N()", member.stringField().get());
      } else {
        method.addStatement("return $T.INSTANCE.toMap(member)", member.validator());
      }
      method.endControlFlow();
    }
    return method.addStatement("throw new $T($S + value.getClass().getName())", IllegalArgumentException.class,
            "not a member of " + union.type().simpleName() + ": ")
        .build();
  }
}
