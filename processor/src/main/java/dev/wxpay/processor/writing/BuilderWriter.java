package dev.wxpay.processor.writing;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.wxpay.processor.model.Models;
import dev.wxpay.processor.model.Models.Property;
import dev.wxpay.processor.model.Names;
import dev.wxpay.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XBuilder} for record {@code X}: fluent setters, {@code Consumer} overloads for nested
 * records, varargs and {@code addX} for lists, {@code clearX()} where {@code x(null)} would be ambiguous, and
 * a {@code build()} that names every missing required field by JSON path. Nested records are kept as builders until {@code build()}, so their missing fields
 * are reported together with the outer ones.
 */
public final class BuilderWriter {
  private BuilderWriter() {}

  public static JavaFile write(Models.Record model) {
    ClassName builder = JavaTypes.className(model.builderName());
    ClassName value = JavaTypes.className(model.type());
    TypeSpec.Builder type = JavaTypes.generatedClass(builder)
        .addJavadoc("Builds {@link $T}. Not thread-safe; use one builder per value.\n", value)
        .addSuperinterface(ParameterizedTypeName.get(JavaTypes.MODEL_BUILDER, value));

    for (Property property : model.properties()) {
      type.addField(JavaTypes.nullable(fieldType(property.type())), property.javaName(), Modifier.PRIVATE);
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build());
    type.addMethod(MethodSpec.methodBuilder("build")
        .addJavadoc("Fills a new builder with {@code spec} and builds the value.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(value)
        .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, builder), "spec")
        .addStatement("$T builder = new $T()", builder, builder)
        .addStatement("spec.accept(builder)")
        .addStatement("return builder.build()")
        .build());
    type.addMethod(from(model, builder));
    for (Property property : model.properties()) {
      setters(type, builder, property);
    }
    type.addMethod(MethodSpec.methodBuilder("build")
        .addJavadoc("Builds the value.\n\n@throws $T naming every required field not set, by JSON path\n",
            JavaTypes.MISSING_FIELDS)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(value)
        .addStatement("$T<$T> missing = new $T<>()", JavaTypes.LIST, String.class, JavaTypes.ARRAY_LIST)
        .addStatement("$T built = build(\"\", missing)", JavaTypes.nullable(value))
        .beginControlFlow("if (built == null)")
        .addStatement("throw new $T(missing)", JavaTypes.MISSING_FIELDS)
        .endControlFlow()
        .addStatement("return built")
        .build());
    type.addMethod(buildBelow(model));
    return JavaFile.builder(builder.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** What the builder stores: nested records as their builders, lists as mutable lists. */
  private static TypeName fieldType(TypeRef type) {
    return switch (type.kind()) {
      case RECORD -> JavaTypes.builder(type.named());
      case LIST -> ParameterizedTypeName.get(JavaTypes.LIST, fieldType(type.element()).box());
      default -> JavaTypes.javaType(type).box();
    };
  }

  private static MethodSpec from(Models.Record model, ClassName builder) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("from")
        .addJavadoc("A builder holding the values of {@code value}, to copy it with changes.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addParameter(JavaTypes.className(model.type()), "value")
        .addStatement("$T builder = new $T()", builder, builder);
    for (Property property : model.properties()) {
      method.addStatement("builder.$N(value.$N())", property.javaName(), property.accessor());
    }
    return method.addStatement("return builder").build();
  }

  private static void setters(TypeSpec.Builder type, ClassName builder, Property property) {
    String name = property.javaName();
    TypeRef ref = property.type();
    TypeName valueType = ref.primitive() ? JavaTypes.javaType(ref) : JavaTypes.nullable(JavaTypes.javaType(ref));
    MethodSpec.Builder set = setter(builder, name).addParameter(valueType, name);
    switch (ref.kind()) {
      case RECORD -> {
        ClassName nested = JavaTypes.builder(ref.named());
        set.addStatement("this.$N = $N == null ? null : $T.from($N)", name, name, nested, name);
        type.addMethod(set.addStatement("return this").build());
        type.addMethod(setter(builder, name)
            .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, nested), name)
            .addStatement("this.$N = new $T()", name, nested)
            .addStatement("$N.accept(this.$N)", name, name)
            .addStatement("return this")
            .build());
        clearer(type, builder, property);
      }
      case LIST -> listSetters(type, builder, property, set);
      default -> {
        type.addMethod(set.addStatement("this.$N = $N", name, name).addStatement("return this").build());
        if (isBoxedNumberOrBoolean(ref)) {
          // So that maxAmount(10_000) compiles for a Long component, as it would for a long one.
          type.addMethod(setter(builder, name)
              .addParameter(JavaTypes.javaType(ref).unbox(), name)
              .addStatement("this.$N = $N", name, name)
              .addStatement("return this")
              .build());
        }
      }
    }
  }

  /**
   * {@code clearX()} for an optional record or list: {@code x(null)} does not compile there, being
   * ambiguous between the value setter and its {@code Consumer} or varargs overload.
   */
  private static void clearer(TypeSpec.Builder type, ClassName builder, Property property) {
    if (property.required()) {
      return;
    }
    String name = property.javaName();
    type.addMethod(setter(builder, Names.clearer(name))
        .addJavadoc("Leaves {@code $L} out, as if it had never been set.\n", property.jsonName())
        .addStatement("this.$N = null", name)
        .addStatement("return this")
        .build());
  }

  private static boolean isBoxedNumberOrBoolean(TypeRef ref) {
    return !ref.primitive() && ref.isSimple() && ref.kind() != TypeRef.Kind.STRING;
  }

  private static void listSetters(
      TypeSpec.Builder type, ClassName builder, Property property, MethodSpec.Builder set) {
    String name = property.javaName();
    TypeRef element = property.type().element();
    TypeName elementType = JavaTypes.javaType(element).box();
    String add = Names.adder(name);
    // Locals of the setters must not hide the parameter, which is named after the component.
    String each = name.equals("value") ? "value_" : "value";
    String list = name.equals("list") ? "list_" : "list";
    if (element.kind() == TypeRef.Kind.RECORD) {
      ClassName nested = JavaTypes.builder(element.named());
      set.beginControlFlow("if ($N == null)", name)
          .addStatement("this.$N = null", name)
          .addStatement("return this")
          .endControlFlow()
          .addStatement("this.$N = new $T<>()", name, JavaTypes.ARRAY_LIST)
          .beginControlFlow("for ($T $N : $N)", elementType, each, name)
          .addStatement("$N($N)", add, each)
          .endControlFlow();
      type.addMethod(set.addStatement("return this").build());
      type.addMethod(setter(builder, name)
          .addParameter(ArrayTypeName.of(elementType), name)
          .varargs(true)
          .addStatement("return $N($T.asList($N))", name, JavaTypes.ARRAYS, name)
          .build());
      type.addMethod(setter(builder, add)
          .addParameter(elementType, "value")
          .addStatement("$T.requireNonNull(value, $S)", JavaTypes.OBJECTS, name + " element")
          .addStatement("elements$N().add($T.from(value))", Names.capitalize(name), nested)
          .addStatement("return this")
          .build());
      type.addMethod(setter(builder, add)
          .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, nested), "spec")
          .addStatement("$T element = new $T()", nested, nested)
          .addStatement("spec.accept(element)")
          .addStatement("elements$N().add(element)", Names.capitalize(name))
          .addStatement("return this")
          .build());
    } else if (isBoxedNumberOrBoolean(element)) {
      // Primitive varargs and add, so that amounts(100, 200) compiles for a List<Long>.
      TypeName primitive = elementType.unbox();
      set.addStatement("this.$N = $N == null ? null : new $T<>($N)", name, name, JavaTypes.ARRAY_LIST, name);
      type.addMethod(set.addStatement("return this").build());
      type.addMethod(setter(builder, name)
          .addParameter(ArrayTypeName.of(primitive), name)
          .varargs(true)
          .addStatement("$T $N = new $T<>($N.length)", fieldType(property.type()), list, JavaTypes.ARRAY_LIST,
              name)
          .beginControlFlow("for ($T $N : $N)", primitive, each, name)
          .addStatement("$N.add($N)", list, each)
          .endControlFlow()
          .addStatement("this.$N = $N", name, list)
          .addStatement("return this")
          .build());
      type.addMethod(setter(builder, add)
          .addParameter(primitive, "value")
          .addStatement("elements$N().add(value)", Names.capitalize(name))
          .addStatement("return this")
          .build());
    } else {
      set.addStatement("this.$N = $N == null ? null : new $T<>($N)", name, name, JavaTypes.ARRAY_LIST, name);
      type.addMethod(set.addStatement("return this").build());
      type.addMethod(setter(builder, name)
          .addParameter(ArrayTypeName.of(elementType), name)
          .varargs(true)
          .addStatement("this.$N = new $T<>($T.asList($N))", name, JavaTypes.ARRAY_LIST, JavaTypes.ARRAYS, name)
          .addStatement("return this")
          .build());
      type.addMethod(setter(builder, add)
          .addParameter(elementType, "value")
          .addStatement("elements$N().add($T.requireNonNull(value, $S))", Names.capitalize(name),
              JavaTypes.OBJECTS, name + " element")
          .addStatement("return this")
          .build());
    }
    clearer(type, builder, property);
    TypeName listType = fieldType(property.type());
    type.addMethod(MethodSpec.methodBuilder("elements" + Names.capitalize(name))
        .addModifiers(Modifier.PRIVATE)
        .returns(listType)
        .addStatement("$T list = this.$N", JavaTypes.nullable(listType), name)
        .beginControlFlow("if (list == null)")
        .addStatement("list = new $T<>()", JavaTypes.ARRAY_LIST)
        .addStatement("this.$N = list", name)
        .endControlFlow()
        .addStatement("return list")
        .build());
  }

  private static MethodSpec.Builder setter(ClassName builder, String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder);
  }

  /** {@code build(path, missing)}: what an enclosing builder calls, adding missing fields below path. */
  private static MethodSpec buildBelow(Models.Record model) {
    List<String> names = new ArrayList<>();
    for (Property property : model.properties()) {
      names.add(property.javaName());
    }
    // Locals for nested values are named after the properties; the parameters must not clash with them.
    String path = unused("path", names);
    String missing = unused("missing", names);
    String before = unused("missingBefore", names);
    ClassName value = JavaTypes.className(model.type());
    MethodSpec.Builder method = MethodSpec.methodBuilder("build")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(JavaTypes.nullable(value))
        .addParameter(String.class, path)
        .addParameter(ParameterizedTypeName.get(JavaTypes.LIST, ClassName.get(String.class)), missing)
        .addStatement("int $N = $N.size()", before, missing);
    List<CodeBlock> arguments = new ArrayList<>();
    for (Property property : model.properties()) {
      String name = property.javaName();
      TypeRef ref = property.type();
      boolean nestedRecords = ref.kind() == TypeRef.Kind.RECORD
          || (ref.kind() == TypeRef.Kind.LIST && ref.element().kind() == TypeRef.Kind.RECORD);
      if (nestedRecords) {
        String helper = ref.kind() == TypeRef.Kind.RECORD ? "build" : "buildAll";
        method.addStatement("$T $N = $T.$N(this.$N, $N, $S, $L, $N)", JavaTypes.nullable(JavaTypes.javaType(ref)),
            name, JavaTypes.BUILDERS, helper, name, path, property.jsonName(), property.required(), missing);
        arguments.add(CodeBlock.of("$N", name));
      } else {
        if (property.required()) {
          method.addStatement("$T.require(this.$N, $N, $S, $N)", JavaTypes.BUILDERS, name, path,
              property.jsonName(), missing);
        }
        arguments.add(ref.kind() == TypeRef.Kind.LIST
            ? CodeBlock.of("this.$N == null ? null : $T.copyOf(this.$N)", name, JavaTypes.LIST, name)
            : CodeBlock.of("this.$N", name));
      }
    }
    method.beginControlFlow("if ($N.size() > $N)", missing, before)
        .addStatement("return null")
        .endControlFlow();
    method.addStatement("return new $T($L)", value, CodeBlock.join(arguments, ",$W"));
    return method.build();
  }

  private static String unused(String name, List<String> taken) {
    while (taken.contains(name)) {
      name = name + "_";
    }
    return name;
  }
}
