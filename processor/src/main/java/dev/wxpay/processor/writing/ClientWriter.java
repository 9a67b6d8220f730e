package dev.wxpay.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import dev.wxpay.processor.Descriptors.EndpointDescriptor;
import dev.wxpay.processor.Descriptors.OperationDescriptor;
import dev.wxpay.processor.Descriptors.ParamDescriptor;
import dev.wxpay.processor.Descriptors.PropertyDescriptor;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Writes the implementation of an endpoint interface and its ServiceLoader factory. */
final class ClientWriter {
  private static final ClassName FUTURE_KT = ClassName.get("kotlinx.coroutines.future", "FutureKt");
  private static final ClassName UNIT = ClassName.get("kotlin", "Unit");

  private ClientWriter() {}

  static JavaFile write(EndpointDescriptor endpoint) {
    ClassName client = endpoint.clientName();
    AdapterFields adapters = new AdapterFields(null, Set.of("caller", "PATH"));
    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addJavadoc("The generated client of {@link $T}; create it with {@code WechatPay.create}.\n",
            endpoint.interfaceName())
        .addAnnotation(Types.generated())
        .addAnnotation(Types.NULL_MARKED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(endpoint.interfaceName())
        .addField(FieldSpec.builder(Types.PATH_TEMPLATE, "PATH", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.parse($S)", Types.PATH_TEMPLATE, endpoint.pathTemplate())
            .build())
        .addField(Types.CALLER, "caller", Modifier.PRIVATE, Modifier.FINAL);

    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Types.CALLER, "caller")
        .addStatement("this.caller = caller")
        .build());
    for (OperationDescriptor operation : endpoint.operations()) {
      type.addMethod(operation(operation, adapters));
    }
    // Fields are added after the methods have asked for them, but JavaPoet emits fields first.
    adapters.addTo(type);
    type.addType(factory(endpoint));
    return JavaFile.builder(client.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static MethodSpec operation(OperationDescriptor operation, AdapterFields adapters) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.methodName())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(operation.returnType());
    for (ParamDescriptor param : operation.params()) {
      method.addParameter(ParameterSpec.builder(param.javaType(), local(param)).build());
    }

    CodeBlock.Builder call = CodeBlock.builder();
    if (operation.download()) {
      call.add("$T.download($S, PATH)", Types.CALL, operation.httpMethod());
    } else if (operation.response() == null) {
      call.add("$T.withoutResponse($S, PATH)", Types.CALL, operation.httpMethod());
    } else {
      call.add("$T.builder($S, PATH, $N)", Types.CALL, operation.httpMethod(),
          adapters.name(operation.response()));
    }
    for (ParamDescriptor param : operation.params()) {
      String name = local(param);
      switch (param.role()) {
        case PATH -> call.add("\n.path($S, $L)", param.name(), pathValue(param, name));
        case HEADER -> call.add("\n.header($S, $N)", param.name(), name);
        case QUERY -> call.add("\n.query($S, $L)", param.name(),
            queryValue(param.type(), CodeBlock.of("$N", name), adapters));
        case QUERY_RECORD -> {
          for (PropertyDescriptor property : param.model().properties()) {
            call.add("\n.query($S, $L)", property.jsonName(), queryValue(property.type(),
                CodeBlock.of("$N.$N()", name, property.accessor()), adapters));
          }
        }
        case BODY -> call.add("\n.body($N, $N)", name, adapters.name(param.type()));
        case UPLOAD -> call.add("\n.upload($N)", name);
        case EXPECTED_HASH -> call.add("\n.expectedHash($N)", name);
        case CONTINUATION -> {
          // Not part of the request: the suspend machinery's callback.
        }
        case BODY_BUILDER -> call.add("\n.body($T.build($N), $N)",
            param.model().builderName(), name, adapters.name(param.type()));
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
              FUTURE_KT, call.build(), UNIT, continuation);
        } else {
          method.addStatement("return $T.await(caller.executeAsync($L), $N)", FUTURE_KT, call.build(),
              continuation);
        }
      }
    }
    return method.build();
  }

  /** A path value as the String the runtime encodes; a null number stays null so it is refused. */
  private static CodeBlock pathValue(ParamDescriptor param, String name) {
    if (param.type().kind() == TypeRef.Kind.STRING) {
      return CodeBlock.of("$N", name);
    }
    if (param.javaType().isPrimitive()) {
      return CodeBlock.of("$T.valueOf($N)", String.class, name);
    }
    return CodeBlock.of("$N == null ? null : $N.toString()", name, name);
  }

  /** The parameter's name in the implementation, renamed where it would hide one of our fields. */
  private static String local(ParamDescriptor param) {
    String name = param.javaName();
    return name.equals("caller") || name.equals("PATH") || name.endsWith("Adapter") ? name + "Value" : name;
  }

  /** Query values the runtime accepts as they are; enums and date-times go through their adapter. */
  private static CodeBlock queryValue(TypeRef type, CodeBlock value, AdapterFields adapters) {
    if (type.kind() == TypeRef.Kind.ENUM || type.kind() == TypeRef.Kind.DATE_TIME) {
      return CodeBlock.of("$N.toJsonValue($L)", adapters.name(type), value);
    }
    return value;
  }

  private static TypeSpec factory(EndpointDescriptor endpoint) {
    ClassName iface = endpoint.interfaceName();
    return TypeSpec.classBuilder("Factory")
        .addJavadoc("Lets {@code WechatPay.create($T.class)} find this client through ServiceLoader.\n",
            iface)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Types.ENDPOINT_FACTORY, iface))
        .addMethod(MethodSpec.methodBuilder("endpointType")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Class.class), iface))
            .addStatement("return $T.class", iface)
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(iface)
            .addParameter(Types.CALLER, "caller")
            .addStatement("return new $T(caller)", endpoint.clientName())
            .build())
        .build();
  }
}
