package dev.wxpay.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import dev.wxpay.processor.Descriptors.EnumConstant;
import dev.wxpay.processor.Descriptors.EnumDescriptor;
import dev.wxpay.processor.Descriptors.ModelDescriptor;
import dev.wxpay.processor.Descriptors.PropertyDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Writes the Moshi {@code JsonAdapter} of a record or an enum, without reflection. */
final class AdapterWriter {
  private AdapterWriter() {}

  static JavaFile write(ModelDescriptor model) {
    ClassName adapter = model.adapterName();
    Set<String> taken = new HashSet<>(Set.of("OPTIONS", "reader", "writer", "value"));
    for (PropertyDescriptor property : model.properties()) {
      taken.add(property.javaName());
    }
    AdapterFields adapters = new AdapterFields(model.type(), taken);
    List<CodeBlock> names = new ArrayList<>();
    for (PropertyDescriptor property : model.properties()) {
      names.add(CodeBlock.of("$S", property.jsonName()));
    }
    TypeSpec.Builder type = TypeSpec.classBuilder(adapter)
        .addJavadoc("Reads and writes {@link $T} as JSON. Unknown fields are skipped.\n", model.type())
        .addAnnotation(Types.generated())
        .addAnnotation(Types.NULL_MARKED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(Types.JSON_ADAPTER, model.type()))
        .addField(FieldSpec.builder(Types.JSON_OPTIONS, "OPTIONS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", Types.JSON_OPTIONS, CodeBlock.join(names, ",$W"))
            .build())
        .addMethod(fromJson(model, adapters))
        .addMethod(toJson(model, adapters))
        .addMethod(toStringMethod(model.type()));
    adapters.addTo(type);
    return JavaFile.builder(adapter.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static MethodSpec fromJson(ModelDescriptor model, AdapterFields adapters) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("fromJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(model.type())
        .addParameter(Types.JSON_READER, "reader")
        .addException(Types.IO_EXCEPTION);
    List<PropertyDescriptor> properties = model.properties();
    for (PropertyDescriptor property : properties) {
      method.addStatement("$T $N = null", Types.nullable(property.type().javaType()), local(property));
    }
    method.addStatement("reader.beginObject()")
        .beginControlFlow("while (reader.hasNext())")
        .beginControlFlow("switch (reader.selectName(OPTIONS))");
    for (int i = 0; i < properties.size(); i++) {
      PropertyDescriptor property = properties.get(i);
      if (property.encrypted()) {
        method.addStatement("case $L -> $N = $T.decrypt(reader, $N.fromJson(reader))", i, local(property),
            Types.SENSITIVE_FIELDS, adapters.name(property.type()));
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
    for (PropertyDescriptor property : properties) {
      if (property.required()) {
        method.beginControlFlow("if ($N == null)", local(property))
            .addStatement("throw $T.missing($S, reader)", Types.JSON_ADAPTERS, property.jsonName())
            .endControlFlow();
      }
      arguments.add(CodeBlock.of("$N", local(property)));
    }
    return method.addStatement("return new $T($L)", model.type(), CodeBlock.join(arguments, ",$W"))
        .build();
  }

  private static MethodSpec toJson(ModelDescriptor model, AdapterFields adapters) {
    MethodSpec.Builder method = toJsonWritingNull(model.type()).addStatement("writer.beginObject()");
    for (PropertyDescriptor property : model.properties()) {
      String adapter = adapters.name(property.type());
      CodeBlock read = CodeBlock.of("value.$N()", property.accessor());
      if (property.required() && !property.type().isPrimitive()) {
        read = CodeBlock.of("$T.required($L, writer)", Types.JSON_ADAPTERS, read);
      }
      if (property.encrypted()) {
        read = CodeBlock.of("$T.encrypt(writer, $L)", Types.SENSITIVE_FIELDS, read);
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
  private static String local(PropertyDescriptor property) {
    String name = property.javaName();
    return name.equals("reader") || name.equals("OPTIONS") ? name + "_" : name;
  }

  static JavaFile write(EnumDescriptor model) {
    ClassName adapter = model.adapterName();
    List<CodeBlock> names = new ArrayList<>();
    List<CodeBlock> constants = new ArrayList<>();
    for (EnumConstant constant : model.constants()) {
      names.add(CodeBlock.of("$S", constant.jsonName()));
      constants.add(CodeBlock.of("$T.$N", model.type(), constant.javaName()));
    }
    MethodSpec.Builder toJson =
        toJsonWritingNull(model.type()).addStatement("writer.value(NAMES[value.ordinal()])");
    TypeSpec type = TypeSpec.classBuilder(adapter)
        .addJavadoc("Reads and writes {@link $T} by its JSON names. A value this version does not know"
            + " reads as null,\nso a value WeChat Pay adds later does not fail a call.\n", model.type())
        .addAnnotation(Types.generated())
        .addAnnotation(Types.NULL_MARKED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(Types.JSON_ADAPTER, model.type()))
        .addField(FieldSpec.builder(Types.JSON_OPTIONS, "OPTIONS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", Types.JSON_OPTIONS, CodeBlock.join(names, ",$W"))
            .build())
        .addField(FieldSpec.builder(String[].class, "NAMES", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("{$L}", CodeBlock.join(names, ",$W"))
            .build())
        .addField(FieldSpec.builder(com.squareup.javapoet.ArrayTypeName.of(model.type()), "CONSTANTS",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("{$L}", CodeBlock.join(constants, ",$W"))
            .build())
        .addMethod(MethodSpec.methodBuilder("fromJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Types.nullable(model.type()))
            .addParameter(Types.JSON_READER, "reader")
            .addException(Types.IO_EXCEPTION)
            .addStatement("int index = reader.selectString(OPTIONS)")
            .beginControlFlow("if (index == -1)")
            .addStatement("reader.skipValue()")
            .addStatement("return null")
            .endControlFlow()
            .addStatement("return CONSTANTS[index]")
            .build())
        .addMethod(toJson.build())
        .addMethod(toStringMethod(model.type()))
        .build();
    return JavaFile.builder(adapter.packageName(), type).skipJavaLangImports(true).indent("  ").build();
  }

  /** {@code toJson(writer, value)} up to and including writing JSON null for a null value. */
  private static MethodSpec.Builder toJsonWritingNull(ClassName type) {
    return MethodSpec.methodBuilder("toJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Types.JSON_WRITER, "writer")
        .addParameter(Types.nullable(type), "value")
        .addException(Types.IO_EXCEPTION)
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
