package dev.wxpay.processor;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;

/** Names of the runtime and library types generated code refers to. */
final class Types {
  private Types() {}

  static final String RUNTIME_SPI = "dev.wxpay.runtime.spi";
  static final ClassName CALL = ClassName.get(RUNTIME_SPI, "Call");
  static final ClassName CALL_BUILDER = CALL.nestedClass("Builder");
  static final ClassName CALLER = ClassName.get(RUNTIME_SPI, "Caller");
  static final ClassName PATH_TEMPLATE = ClassName.get("dev.wxpay.annotations.rules", "PathTemplate");
  static final ClassName ENDPOINT_FACTORY = ClassName.get(RUNTIME_SPI, "EndpointFactory");
  static final ClassName JSON_ADAPTERS = ClassName.get(RUNTIME_SPI, "JsonAdapters");
  static final ClassName BUILDERS = ClassName.get(RUNTIME_SPI, "Builders");
  static final ClassName MODEL_BUILDER = ClassName.get(RUNTIME_SPI, "ModelBuilder");
  static final ClassName SENSITIVE_FIELDS = ClassName.get(RUNTIME_SPI, "SensitiveFields");
  static final ClassName MISSING_FIELDS = ClassName.get("dev.wxpay.runtime", "MissingFieldsException");

  static final ClassName JSON_ADAPTER = ClassName.get("com.squareup.moshi", "JsonAdapter");
  static final ClassName JSON_READER = ClassName.get("com.squareup.moshi", "JsonReader");
  static final ClassName JSON_WRITER = ClassName.get("com.squareup.moshi", "JsonWriter");
  static final ClassName JSON_OPTIONS = JSON_READER.nestedClass("Options");
  static final ClassName JSON_TOKEN = JSON_READER.nestedClass("Token");

  static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");
  /** On every generated class, so Kotlin sees String and String?, never platform types. */
  static final ClassName NULL_MARKED = ClassName.get("org.jspecify.annotations", "NullMarked");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName CONSUMER = ClassName.get("java.util.function", "Consumer");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", WxpayProcessor.class.getCanonicalName())
        .build();
  }

  /** The type with JSpecify's {@code @Nullable} on its use. */
  static TypeName nullable(TypeName type) {
    return type.box().annotated(AnnotationSpec.builder(NULLABLE).build());
  }
}
