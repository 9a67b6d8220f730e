package dev.wxpay.processor;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.wxpay.processor.Descriptors.ModelDescriptor;
import dev.wxpay.processor.Descriptors.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XBuilder} for record {@code X}: fluent setters, {@code Consumer} overloads for nested
 * records, varargs and {@code addX} for lists, and a {@code build()} that names every missing required
 * field by JSON path. Nested records are kept as builders until {@code build()}, so their missing fields
 * are reported together with the outer ones.
 */
final class BuilderWriter {
  private BuilderWriter() {}

  static JavaFile write(ModelDescriptor model) {
    ClassName builder = model.builderName();
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addJavadoc("Builds {@link $T}. Not thread-safe; use one builder per value.\n", model.type())
        .addAnnotation(Types.generated())
        .addAnnotation(Types.NULL_MARKED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Types.MODEL_BUILDER, model.type()));

    for (PropertyDescriptor property : model.properties()) {
      type.addField(Types.nullable(fieldType(property.type())), property.javaName(), Modifier.PRIVATE);
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build());
    type.addMethod(MethodSpec.methodBuilder("build")
        .addJavadoc("Fills a new builder with {@code spec} and builds the value.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model.type())
        .addParameter(ParameterizedTypeName.get(Types.CONSUMER, builder), "spec")
        .addStatement("$T builder = new $T()", builder, builder)
        .addStatement("spec.accept(builder)")
        .addStatement("return builder.build()")
        .build());
    type.addMethod(from(model));
    for (PropertyDescriptor property : model.properties()) {
      setters(type, builder, property);
    }
    type.addMethod(build(model));
    return JavaFile.builder(builder.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** What the builder stores: nested records as their builders, lists as mutable lists. */
  private static TypeName fieldType(TypeRef type) {
    return switch (type.kind()) {
      case RECORD -> Names.sibling(type.model(), Names.BUILDER_SUFFIX);
      case LIST -> ParameterizedTypeName.get(Types.LIST, fieldType(type.element()).box());
      default -> type.javaType().box();
    };
  }

  private static MethodSpec from(ModelDescriptor model) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("from")
        .addJavadoc("A builder holding the values of {@code value}, to copy it with changes.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model.builderName())
        .addParameter(model.type(), "value")
        .addStatement("$T builder = new $T()", model.builderName(), model.builderName());
    for (PropertyDescriptor property : model.properties()) {
      method.addStatement("builder.$N(value.$N())", property.javaName(), property.accessor());
    }
    return method.addStatement("return builder").build();
  }

  private static void setters(TypeSpec.Builder type, ClassName builder, PropertyDescriptor property) {
    String name = property.javaName();
    TypeRef ref = property.type();
    TypeName valueType = ref.isPrimitive() ? ref.javaType() : Types.nullable(ref.javaType());
    MethodSpec.Builder set = setter(builder, name).addParameter(valueType, name);
    switch (ref.kind()) {
      case RECORD -> {
        ClassName nested = Names.sibling(ref.model(), Names.BUILDER_SUFFIX);
        set.addStatement("this.$N = $N == null ? null : $T.from($N)", name, name, nested, name);
        type.addMethod(set.addStatement("return this").build());
        type.addMethod(setter(builder, name)
            .addParameter(ParameterizedTypeName.get(Types.CONSUMER, nested), name)
            .addStatement("this.$N = new $T()", name, nested)
            .addStatement("$N.accept(this.$N)", name, name)
            .addStatement("return this")
            .build());
      }
      case LIST -> listSetters(type, builder, property, set);
      default -> {
        type.addMethod(set.addStatement("this.$N = $N", name, name).addStatement("return this").build());
        if (isBoxedNumberOrBoolean(ref)) {
          // So that maxAmount(10_000) compiles for a Long component, as it would for a long one.
          type.addMethod(setter(builder, name)
              .addParameter(ref.javaType().unbox(), name)
              .addStatement("this.$N = $N", name, name)
              .addStatement("return this")
              .build());
        }
      }
    }
  }

  private static boolean isBoxedNumberOrBoolean(TypeRef ref) {
    return !ref.isPrimitive() && ref.isSimple() && ref.kind() != TypeRef.Kind.STRING;
  }

  private static void listSetters(
      TypeSpec.Builder type, ClassName builder, PropertyDescriptor property, MethodSpec.Builder set) {
    String name = property.javaName();
    TypeRef element = property.type().element();
    TypeName elementType = element.javaType().box();
    String add = "add" + Names.capitalize(name);
    // Locals of the setters must not hide the parameter, which is named after the component.
    String each = name.equals("value") ? "value_" : "value";
    String list = name.equals("list") ? "list_" : "list";
    if (element.kind() == TypeRef.Kind.RECORD) {
      ClassName nested = Names.sibling(element.model(), Names.BUILDER_SUFFIX);
      set.beginControlFlow("if ($N == null)", name)
          .addStatement("this.$N = null", name)
          .addStatement("return this")
          .endControlFlow()
          .addStatement("this.$N = new $T<>()", name, Types.ARRAY_LIST)
          .beginControlFlow("for ($T $N : $N)", elementType, each, name)
          .addStatement("$N($N)", add, each)
          .endControlFlow();
      type.addMethod(set.addStatement("return this").build());
      type.addMethod(setter(builder, name)
          .addParameter(ArrayTypeName.of(elementType), name)
          .varargs(true)
          .addStatement("return $N($T.asList($N))", name, Types.ARRAYS, name)
          .build());
      type.addMethod(setter(builder, add)
          .addParameter(elementType, "value")
          .addStatement("$T.requireNonNull(value, $S)", Types.OBJECTS, name + " element")
          .addStatement("elements$N().add($T.from(value))", Names.capitalize(name), nested)
          .addStatement("return this")
          .build());
      type.addMethod(setter(builder, add)
          .addParameter(ParameterizedTypeName.get(Types.CONSUMER, nested), "spec")
          .addStatement("$T element = new $T()", nested, nested)
          .addStatement("spec.accept(element)")
          .addStatement("elements$N().add(element)", Names.capitalize(name))
          .addStatement("return this")
          .build());
    } else if (isBoxedNumberOrBoolean(element)) {
      // Primitive varargs and add, so that amounts(100, 200) compiles for a List<Long>.
      TypeName primitive = elementType.unbox();
      set.addStatement("this.$N = $N == null ? null : new $T<>($N)", name, name, Types.ARRAY_LIST, name);
      type.addMethod(set.addStatement("return this").build());
      type.addMethod(setter(builder, name)
          .addParameter(ArrayTypeName.of(primitive), name)
          .varargs(true)
          .addStatement("$T $N = new $T<>($N.length)", fieldType(property.type()), list, Types.ARRAY_LIST,
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
      set.addStatement("this.$N = $N == null ? null : new $T<>($N)", name, name, Types.ARRAY_LIST, name);
      type.addMethod(set.addStatement("return this").build());
      type.addMethod(setter(builder, name)
          .addParameter(ArrayTypeName.of(elementType), name)
          .varargs(true)
          .addStatement("this.$N = new $T<>($T.asList($N))", name, Types.ARRAY_LIST, Types.ARRAYS, name)
          .addStatement("return this")
          .build());
      type.addMethod(setter(builder, add)
          .addParameter(elementType, "value")
          .addStatement("elements$N().add($T.requireNonNull(value, $S))", Names.capitalize(name),
              Types.OBJECTS, name + " element")
          .addStatement("return this")
          .build());
    }
    TypeName listType = fieldType(property.type());
    type.addMethod(MethodSpec.methodBuilder("elements" + Names.capitalize(name))
        .addModifiers(Modifier.PRIVATE)
        .returns(listType)
        .addStatement("$T list = this.$N", Types.nullable(listType), name)
        .beginControlFlow("if (list == null)")
        .addStatement("list = new $T<>()", Types.ARRAY_LIST)
        .addStatement("this.$N = list", name)
        .endControlFlow()
        .addStatement("return list")
        .build());
  }

  private static MethodSpec.Builder setter(ClassName builder, String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder);
  }

  private static MethodSpec build(ModelDescriptor model) {
    List<String> names = new ArrayList<>();
    for (PropertyDescriptor property : model.properties()) {
      names.add(property.javaName());
    }
    String missing = "missing";
    while (names.contains(missing)) {
      missing = missing + "_";
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("build")
        .addJavadoc("Builds the value.\n\n@throws $T naming every required field not set, by JSON path\n",
            Types.MISSING_FIELDS)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(model.type())
        .addStatement("$T<$T> $N = new $T<>()", Types.LIST, String.class, missing, Types.ARRAY_LIST);
    List<CodeBlock> arguments = new ArrayList<>();
    for (PropertyDescriptor property : model.properties()) {
      String name = property.javaName();
      TypeRef ref = property.type();
      boolean nestedRecords = ref.kind() == TypeRef.Kind.RECORD
          || (ref.kind() == TypeRef.Kind.LIST && ref.element().kind() == TypeRef.Kind.RECORD);
      if (nestedRecords) {
        String helper = ref.kind() == TypeRef.Kind.RECORD ? "build" : "buildAll";
        method.addStatement("$T $N = $T.$N(this.$N, $S, $L, $N)", Types.nullable(ref.javaType()), name,
            Types.BUILDERS, helper, name, property.jsonName(), property.required(), missing);
        arguments.add(CodeBlock.of("$N", name));
      } else {
        if (property.required()) {
          method.addStatement("$T.require(this.$N, $S, $N)", Types.BUILDERS, name, property.jsonName(),
              missing);
        }
        arguments.add(ref.kind() == TypeRef.Kind.LIST
            ? CodeBlock.of("this.$N == null ? null : $T.copyOf(this.$N)", name, Types.LIST, name)
            : CodeBlock.of("this.$N", name));
      }
    }
    method.beginControlFlow("if (!$N.isEmpty())", missing)
        .addStatement("throw new $T($N)", Types.MISSING_FIELDS, missing)
        .endControlFlow();
    method.addStatement("return new $T($L)", model.type(), CodeBlock.join(arguments, ",$W"));
    return method.build();
  }
}
