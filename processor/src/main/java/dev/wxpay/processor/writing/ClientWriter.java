package dev.wxpay.processor.writing;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.wxpay.annotations.Host;
import dev.wxpay.processor.model.Models;
import dev.wxpay.processor.model.Models.Operation;
import dev.wxpay.processor.model.Models.Param;
import dev.wxpay.processor.model.Models.Property;
import dev.wxpay.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes the implementation of an endpoint interface. What is the same on every call (method, path,
 * host, answer adapter) is one static {@code Operation} per distinct operation, shared by the blocking and
 * the asynchronous method; each method only binds its values.
 */
public final class ClientWriter {
  private ClientWriter() {}

  /**
   * Writes the client; {@code records} looks up a query record's properties, {@code enums} whether a
   * query enum is sent by name or by number.
   */
  public static JavaFile write(Models.Endpoint endpoint, Function<TypeRef, Models.Record> records,
      Function<TypeRef, Models.Enum> enums) {
    ClassName client = JavaTypes.className(endpoint.clientName());
    ClassName iface = JavaTypes.className(endpoint.interfaceName());
    TypeSpec.Builder type = JavaTypes.generatedClass(client)
        .addJavadoc("The generated client of {@link $T}; create it with {@code WechatPay.create}.\n", iface)
        .addSuperinterface(iface)
        .addField(FieldSpec.builder(String.class, "PATH", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", endpoint.pathTemplate())
            .build());

    Map<String, FieldSpec> operations = new LinkedHashMap<>();
    List<String> fields = new ArrayList<>();
    for (Operation operation : endpoint.operations()) {
      fields.add(operation(operation, endpoint, operations));
    }
    operations.values().forEach(type::addField);
    type.addField(JavaTypes.CALLER, "caller", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("Called once per interface and {@code WechatPay} instance, which finds this class by name.\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(JavaTypes.CALLER, "caller")
        .addStatement("this.caller = caller")
        .build());
    for (int i = 0; i < endpoint.operations().size(); i++) {
      type.addMethod(method(endpoint.operations().get(i), fields.get(i), records, enums));
    }
    return JavaFile.builder(client.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /**
   * The name of the static Operation this method calls, declared on first use: {@code POST}, then
   * {@code POST_2} for a POST with another answer type.
   */
  private static String operation(Operation operation, Models.Endpoint endpoint,
      Map<String, FieldSpec> operations) {
    Host host = endpoint.host();
    TypeName result = JavaTypes.result(operation);
    TypeName fieldType = ParameterizedTypeName.get(JavaTypes.OPERATION,
        operation.response() == null && !operation.download() ? JavaTypes.nullable(ClassName.get(Void.class)) : result);
    CodeBlock initializer;
    if (operation.download()) {
      // The type witness: with .named(...) chained, javac no longer infers Download from the field.
      initializer = CodeBlock.of("$T.<$T>download($S, PATH)", JavaTypes.OPERATION, JavaTypes.DOWNLOAD,
          operation.httpMethod());
    } else if (operation.response() == null) {
      initializer = CodeBlock.of("$T.withoutResponse($S, PATH)", JavaTypes.OPERATION, operation.httpMethod());
    } else {
      initializer = CodeBlock.of("$T.of($S, PATH, $T.INSTANCE)", JavaTypes.OPERATION, operation.httpMethod(),
          JavaTypes.adapter(operation.response().named()));
    }
    if (host != Host.MAINLAND) {
      // Said only when it is not the default, so mainland clients read as they always did.
      initializer = CodeBlock.of("$L\n$>$>.withHost($T.$L)$<$<", initializer, JavaTypes.HOST, host.name());
    }
    // What call listeners and debug logs call it; the blocking and the async method share one name.
    initializer = CodeBlock.of("$L\n$>$>.named($S)$<$<", initializer, operationName(endpoint, operation));
    String base = operation.httpMethod().toUpperCase(Locale.ROOT);
    for (int i = 1; ; i++) {
      String name = i == 1 ? base : base + "_" + i;
      FieldSpec existing = operations.get(name);
      if (existing == null) {
        operations.put(name, FieldSpec.builder(fieldType, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(initializer)
            .build());
        return name;
      }
      if (existing.type.equals(fieldType) && existing.initializer.equals(initializer)) {
        return name;
      }
    }
  }

  /** {@code RestartStock.post}: the interface's simple names and the method's, without an Async suffix. */
  static String operationName(Models.Endpoint endpoint, Operation operation) {
    String method = operation.methodName();
    if (operation.returnKind() == Models.ReturnKind.FUTURE && method.endsWith("Async") && method.length() > 5) {
      method = method.substring(0, method.length() - 5);
    }
    return String.join(".", endpoint.interfaceName().simpleNames()) + "." + method;
  }

  private static MethodSpec method(Operation operation, String operationField,
      Function<TypeRef, Models.Record> records, Function<TypeRef, Models.Enum> enums) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.methodName())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(JavaTypes.returnType(operation));
    for (Param param : operation.params()) {
      method.addParameter(ParameterSpec.builder(JavaTypes.parameterType(operation, param), local(param)).build());
    }

    CodeBlock.Builder call = CodeBlock.builder().add("$N.call()", operationField);
    for (Param param : operation.params()) {
      String name = local(param);
      switch (param.role()) {
        case PATH -> call.add("\n.path($S, $L)", param.name(), pathValue(param, name));
        case HEADER -> call.add("\n.header($S, $N)", param.name(), name);
        case QUERY -> call.add(query(param.name(), param.type(), CodeBlock.of("$N", name), enums));
        case QUERY_RECORD -> {
          for (Property property : records.apply(param.type()).properties()) {
            call.add(query(property.jsonName(), property.type(),
                CodeBlock.of("$N.$N()", name, property.accessor()), enums));
          }
        }
        case BODY -> call.add("\n.body($N, $T.INSTANCE)", name, JavaTypes.adapter(param.type().named()));
        case BODY_BUILDER -> call.add("\n.body($T.build($N), $T.INSTANCE)",
            JavaTypes.builder(param.type().named()), name, JavaTypes.adapter(param.type().named()));
        case UPLOAD -> call.add("\n.upload($N)", name);
        case EXPECTED_HASH -> call.add("\n.expectedHash($N)", name);
        case CONTINUATION -> {
          // Not part of the request: the suspend machinery's callback.
        }
      }
    }
    call.add("\n.build()");

    switch (operation.returnKind()) {
      case VOID -> method.addStatement("caller.execute($L)", call.build());
      case VALUE -> method.addStatement("return caller.execute($L)", call.build());
      case FUTURE -> method.addStatement("return caller.executeAsync($L)", call.build());
      case SUSPEND -> {
        // Awaits without blocking a thread; cancelling the coroutine cancels the future, and the call.
        String continuation = operation.params().get(operation.params().size() - 1).javaName();
        if (operation.response() == null) {
          method.addStatement("return $T.await(caller.executeAsync($L).thenApply(ignored -> $T.INSTANCE), $N)",
              JavaTypes.FUTURE_KT, call.build(), JavaTypes.UNIT, continuation);
        } else {
          method.addStatement("return $T.await(caller.executeAsync($L), $N)", JavaTypes.FUTURE_KT, call.build(),
              continuation);
        }
      }
    }
    return method.build();
  }

  /** A path value as the String the runtime encodes; a null number stays null so it is refused. */
  private static CodeBlock pathValue(Param param, String name) {
    if (param.type().kind() == TypeRef.Kind.STRING) {
      return CodeBlock.of("$N", name);
    }
    if (param.type().primitive()) {
      return CodeBlock.of("$T.valueOf($N)", String.class, name);
    }
    return CodeBlock.of("$N == null ? null : $N.toString()", name, name);
  }

  /** The parameter's name in the implementation, renamed where it would hide one of our fields. */
  private static String local(Param param) {
    String name = param.javaName();
    return name.equals("caller") || name.equals("PATH") || name.equals(name.toUpperCase(Locale.ROOT))
        ? name + "Value" : name;
  }

  /** Binds one query parameter; a list is one parameter too, its values joined by the runtime. */
  private static CodeBlock query(String name, TypeRef type, CodeBlock value, Function<TypeRef, Models.Enum> enums) {
    if (type.kind() != TypeRef.Kind.LIST) {
      QueryText text = queryText(type, enums);
      return text == null
          ? CodeBlock.of("\n.query($S, $L)", name, value)
          : CodeBlock.of("\n.query($S, $T.$N($L))", name, text.owner(), text.method(), value);
    }
    QueryText text = queryText(type.element(), enums);
    return text == null
        ? CodeBlock.of("\n.queryList($S, $L)", name, value)
        : CodeBlock.of("\n.queryList($S, $L, $T::$N)", name, value, text.owner(), text.method());
  }

  /** A static method that turns a value into the text a query sends. */
  private record QueryText(ClassName owner, String method) {}

  /**
   * How a value becomes query text: enums by their JSON name or number, date-times as RFC 3339; null for
   * values the runtime takes as they are.
   */
  private static QueryText queryText(TypeRef type, Function<TypeRef, Models.Enum> enums) {
    return switch (type.kind()) {
      case ENUM -> new QueryText(JavaTypes.adapter(type.named()),
          enums.apply(type).numeric() ? "jsonNumber" : "jsonName");
      case DATE_TIME -> new QueryText(JavaTypes.JSON_ADAPTERS, "queryValue");
      default -> null;
    };
  }
}
