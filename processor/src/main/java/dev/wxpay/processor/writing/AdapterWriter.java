package dev.wxpay.processor.writing;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import dev.wxpay.processor.model.Models;
import dev.wxpay.processor.model.Models.EnumConstant;
import dev.wxpay.processor.model.Models.Property;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the Moshi {@code JsonAdapter} of a record or an enum, without reflection: a stateless singleton,
 * {@code INSTANCE}, shared by every client and adapter that needs it.
 */
public final class AdapterWriter {
  private AdapterWriter() {}

  public static JavaFile write(Models.Record model) {
    ClassName adapter = JavaTypes.className(model.adapterName());
    ClassName type = JavaTypes.className(model.type());
    Set<String> taken = new HashSet<>(Set.of("OPTIONS", "INSTANCE", "reader", "writer", "value"));
    for (Property property : model.properties()) {
      taken.add(property.javaName());
    }
    AdapterFields adapters = new AdapterFields(type, taken);
    List<CodeBlock> names = new ArrayList<>();
    for (Property property : model.properties()) {
      names.add(CodeBlock.of("$S", property.jsonName()));
    }
    TypeSpec.Builder spec = singleton(adapter, type)
        .addJavadoc("Reads and writes {@link $T} as JSON. Unknown fields are skipped.\n", type)
        .addField(FieldSpec.builder(JavaTypes.JSON_OPTIONS, "OPTIONS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", JavaTypes.JSON_OPTIONS, CodeBlock.join(names, ",$W"))
            .build())
        .addMethod(fromJson(model, type, adapters))
        .addMethod(toJson(model, type, adapters))
        .addMethod(toStringMethod(type));
    adapters.addTo(spec);
    return file(adapter, spec);
  }

  /** The class, its {@code INSTANCE} and private constructor; JavaPoet emits fields in this order. */
  private static TypeSpec.Builder singleton(ClassName adapter, ClassName type) {
    return JavaTypes.generatedClass(adapter)
        .superclass(ParameterizedTypeName.get(JavaTypes.JSON_ADAPTER, type))
        .addField(FieldSpec.builder(adapter, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The one instance: it holds no state.\n")
            .initializer("new $T()", adapter)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  private static JavaFile file(ClassName adapter, TypeSpec.Builder spec) {
    return JavaFile.builder(adapter.packageName(), spec.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static MethodSpec fromJson(Models.Record model, ClassName type, AdapterFields adapters) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("fromJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addParameter(JavaTypes.JSON_READER, "reader")
        .addException(JavaTypes.IO_EXCEPTION);
    List<Property> properties = model.properties();
    for (Property property : properties) {
      method.addStatement("$T $N = null", JavaTypes.nullable(JavaTypes.javaType(property.type())), local(property));
    }
    method.addStatement("reader.beginObject()")
        .beginControlFlow("while (reader.hasNext())")
        .beginControlFlow("switch (reader.selectName(OPTIONS))");
    for (int i = 0; i < properties.size(); i++) {
      Property property = properties.get(i);
      if (property.encrypted()) {
        method.addStatement("case $L -> $N = $T.decrypt(reader, $N.fromJson(reader))", i, local(property),
            JavaTypes.SENSITIVE_FIELDS, adapters.name(property.type()));
      } else {
        method.addStatement("case $L -> $N = $N.fromJson(reader)", i, local(property),
            adapters.name(property.type()));
      }
    }
    method.beginControlFlow("default ->")
        .addStatement("reader.skipName()")
        .addStatement("reader.skipValue()")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .addStatement("reader.endObject()");
    List<CodeBlock> arguments = new ArrayList<>();
    for (Property property : properties) {
      if (property.required()) {
        method.beginControlFlow("if ($N == null)", local(property))
            .addStatement("throw $T.missing($S, reader)", JavaTypes.JSON_ADAPTERS, property.jsonName())
            .endControlFlow();
      }
      arguments.add(CodeBlock.of("$N", local(property)));
    }
    return method.addStatement("return new $T($L)", type, CodeBlock.join(arguments, ",$W")).build();
  }

  private static MethodSpec toJson(Models.Record model, ClassName type, AdapterFields adapters) {
    MethodSpec.Builder method = toJsonWritingNull(type).addStatement("writer.beginObject()");
    for (Property property : model.properties()) {
      String adapter = adapters.name(property.type());
      CodeBlock read = CodeBlock.of("value.$N()", property.accessor());
      if (property.required() && !property.type().primitive()) {
        read = CodeBlock.of("$T.required($L, writer)", JavaTypes.JSON_ADAPTERS, read);
      }
      if (property.encrypted()) {
        read = CodeBlock.of("$T.encrypt(writer, $L)", JavaTypes.SENSITIVE_FIELDS, read);
      }
      if (property.required()) {
        method.addStatement("writer.name($S)", property.jsonName())
            .addStatement("$N.toJson(writer, $L)", adapter, read);
      } else {
        // Optional fields are left out rather than sent as null.
        method.beginControlFlow("if (value.$N() != null)", property.accessor())
            .addStatement("writer.name($S)", property.jsonName())
            .addStatement("$N.toJson(writer, $L)", adapter, read)
            .endControlFlow();
      }
    }
    return method.addStatement("writer.endObject()").build();
  }

  /** Locals in fromJson are named after the components, but must not hide the parameter or OPTIONS. */
  private static String local(Property property) {
    String name = property.javaName();
    return name.equals("reader") || name.equals("OPTIONS") || name.equals("INSTANCE") ? name + "_" : name;
  }

  public static JavaFile write(Models.Enum model) {
    if (model.numeric()) {
      return writeNumeric(model);
    }
    ClassName adapter = JavaTypes.className(model.adapterName());
    ClassName type = JavaTypes.className(model.type());
    List<CodeBlock> names = new ArrayList<>();
    List<CodeBlock> constants = new ArrayList<>();
    for (EnumConstant constant : model.constants()) {
      names.add(CodeBlock.of("$S", constant.jsonName()));
      constants.add(CodeBlock.of("$T.$N", type, constant.javaName()));
    }
    TypeSpec.Builder spec = singleton(adapter, type)
        .addJavadoc("Reads and writes {@link $T} by its JSON names. A value this version does not know"
            + " reads as null,\nso a value WeChat Pay adds later does not fail a call.\n", type)
        .addField(FieldSpec.builder(JavaTypes.JSON_OPTIONS, "OPTIONS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", JavaTypes.JSON_OPTIONS, CodeBlock.join(names, ",$W"))
            .build())
        .addField(FieldSpec.builder(String[].class, "NAMES", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("{$L}", CodeBlock.join(names, ",$W"))
            .build())
        .addField(FieldSpec.builder(ArrayTypeName.of(type), "CONSTANTS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("{$L}", CodeBlock.join(constants, ",$W"))
            .build())
        .addMethod(MethodSpec.methodBuilder("jsonName")
            .addJavadoc("The JSON name of {@code value}, e.g. for a query string; null for null.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(JavaTypes.nullable(ClassName.get(String.class)))
            .addParameter(JavaTypes.nullable(type), "value")
            .addStatement("return value == null ? null : NAMES[value.ordinal()]")
            .build())
        .addMethod(MethodSpec.methodBuilder("fromJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(JavaTypes.nullable(type))
            .addParameter(JavaTypes.JSON_READER, "reader")
            .addException(JavaTypes.IO_EXCEPTION)
            .addStatement("int index = reader.selectString(OPTIONS)")
            .beginControlFlow("if (index == -1)")
            .addStatement("reader.skipValue()")
            .addStatement("return null")
            .endControlFlow()
            .addStatement("return CONSTANTS[index]")
            .build())
        .addMethod(toJsonWritingNull(type).addStatement("writer.value(NAMES[value.ordinal()])").build())
        .addMethod(toStringMethod(type));
    return file(adapter, spec);
  }

  /**
   * An enum with {@code @JsonNumber} constants. Anything but a number fails as a type mismatch rather than
   * reading as an unknown value; the peek is needed because nextInt() alone would take the string {@code "3"}.
   */
  private static JavaFile writeNumeric(Models.Enum model) {
    ClassName adapter = JavaTypes.className(model.adapterName());
    ClassName type = JavaTypes.className(model.type());
    List<CodeBlock> numbers = new ArrayList<>();
    CodeBlock.Builder cases = CodeBlock.builder();
    for (EnumConstant constant : model.constants()) {
      numbers.add(CodeBlock.of("$L", constant.jsonNumber()));
      cases.addStatement("case $L -> $T.$N", constant.jsonNumber(), type, constant.javaName());
    }
    cases.addStatement("default -> null");
    TypeSpec.Builder spec = singleton(adapter, type)
        .addJavadoc("Reads and writes {@link $T} as JSON numbers. A number this version does not know"
            + " reads as null,\nso a value WeChat Pay adds later does not fail a call.\n", type)
        .addField(FieldSpec.builder(int[].class, "NUMBERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("{$L}", CodeBlock.join(numbers, ",$W"))
            .build())
        .addMethod(MethodSpec.methodBuilder("jsonNumber")
            .addJavadoc("The JSON number of {@code value}, e.g. for a query string; null for null.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(JavaTypes.nullable(ClassName.get(Integer.class)))
            .addParameter(JavaTypes.nullable(type), "value")
            .addStatement("return value == null ? null : NUMBERS[value.ordinal()]")
            .build())
        .addMethod(MethodSpec.methodBuilder("fromJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(JavaTypes.nullable(type))
            .addParameter(JavaTypes.JSON_READER, "reader")
            .addException(JavaTypes.IO_EXCEPTION)
            .beginControlFlow("if (reader.peek() != $T.Token.NUMBER)", JavaTypes.JSON_READER)
            .addStatement("throw new $T($S + reader.peek() + $S + reader.getPath())",
                JavaTypes.JSON_DATA_EXCEPTION, "Expected a number but was ", " at path ")
            .endControlFlow()
            .addCode("return switch (reader.nextInt()) {\n$>$L$<};\n", cases.build())
            .build())
        .addMethod(toJsonWritingNull(type).addStatement("writer.value(NUMBERS[value.ordinal()])").build())
        .addMethod(toStringMethod(type));
    return file(adapter, spec);
  }

  /** {@code toJson(writer, value)} up to and including writing JSON null for a null value. */
  private static MethodSpec.Builder toJsonWritingNull(ClassName type) {
    return MethodSpec.methodBuilder("toJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(JavaTypes.JSON_WRITER, "writer")
        .addParameter(JavaTypes.nullable(type), "value")
        .addException(JavaTypes.IO_EXCEPTION)
        .beginControlFlow("if (value == null)")
        .addStatement("writer.nullValue()")
        .addStatement("return")
        .endControlFlow();
  }

  private static MethodSpec toStringMethod(ClassName type) {
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S", "GeneratedJsonAdapter(" + type.simpleName() + ")")
        .build();
  }
}
