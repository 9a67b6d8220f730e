package dev.wxpay.processor.writing;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.WildcardTypeName;
import dev.wxpay.annotations.rules.GeneratedNames;
import dev.wxpay.processor.model.Models.Operation;
import dev.wxpay.processor.model.Models.Param;
import dev.wxpay.processor.model.Models.ReturnKind;
import dev.wxpay.processor.model.QualifiedName;
import dev.wxpay.processor.model.TypeRef;
import javax.lang.model.element.Modifier;

/** The Java spelling of the model's types, and the runtime and library types generated code uses. */
public final class JavaTypes {
  private JavaTypes() {}

  static final String RUNTIME_SPI = "dev.wxpay.runtime.spi";
  static final ClassName CALLER = ClassName.get(RUNTIME_SPI, "Caller");
  static final ClassName OPERATION = ClassName.get(RUNTIME_SPI, "Operation");
  static final ClassName JSON_ADAPTERS = ClassName.get(RUNTIME_SPI, "JsonAdapters");
  static final ClassName BUILDERS = ClassName.get(RUNTIME_SPI, "Builders");
  static final ClassName MODEL_BUILDER = ClassName.get(RUNTIME_SPI, "ModelBuilder");
  static final ClassName SENSITIVE_FIELDS = ClassName.get(RUNTIME_SPI, "SensitiveFields");
  static final ClassName MISSING_FIELDS = ClassName.get("dev.wxpay.runtime", "MissingFieldsException");
  static final ClassName DOWNLOAD = ClassName.get("dev.wxpay.runtime", "Download");
  static final ClassName DOWNLOAD_HASH = ClassName.get("dev.wxpay.runtime", "DownloadHash");
  static final ClassName UPLOAD = ClassName.get("dev.wxpay.runtime", "Upload");
  static final ClassName HOST = ClassName.get("dev.wxpay.annotations", "Host");
  static final ClassName JSON_VALUE = ClassName.get("dev.wxpay.runtime", "JsonValue");

  static final ClassName JSON_ADAPTER = ClassName.get("com.squareup.moshi", "JsonAdapter");
  static final ClassName JSON_READER = ClassName.get("com.squareup.moshi", "JsonReader");
  static final ClassName JSON_WRITER = ClassName.get("com.squareup.moshi", "JsonWriter");
  static final ClassName JSON_DATA_EXCEPTION = ClassName.get("com.squareup.moshi", "JsonDataException");
  static final ClassName JSON_OPTIONS = JSON_READER.nestedClass("Options");

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
  static final ClassName OFFSET_DATE_TIME = ClassName.get("java.time", "OffsetDateTime");
  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName CONTINUATION = ClassName.get("kotlin.coroutines", "Continuation");
  static final ClassName UNIT = ClassName.get("kotlin", "Unit");
  static final ClassName FUTURE_KT = ClassName.get("kotlinx.coroutines.future", "FutureKt");

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", "dev.wxpay.processor.WxpayProcessor")
        .build();
  }

  /** A generated class as every writer starts it: public, final, {@code @Generated} and {@code @NullMarked}. */
  static TypeSpec.Builder generatedClass(ClassName name) {
    return TypeSpec.classBuilder(name)
        .addAnnotation(generated())
        .addAnnotation(NULL_MARKED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
  }

  /** The type with JSpecify's {@code @Nullable} on its use. */
  static TypeName nullable(TypeName type) {
    return type.box().annotated(AnnotationSpec.builder(NULLABLE).build());
  }

  public static ClassName className(QualifiedName name) {
    return ClassName.get(name.packageName(), name.simpleNames().get(0),
        name.simpleNames().subList(1, name.simpleNames().size()).toArray(new String[0]));
  }

  static ClassName generated(QualifiedName declared, String suffix) {
    return className(declared.generated(suffix));
  }

  static ClassName builder(QualifiedName record) {
    return generated(record, GeneratedNames.BUILDER);
  }

  static ClassName adapter(QualifiedName type) {
    return generated(type, GeneratedNames.JSON_ADAPTER);
  }

  /** The Java type of a JSON value: primitives where the declaration has them. */
  static TypeName javaType(TypeRef type) {
    return switch (type.kind()) {
      case STRING -> ClassName.get(String.class);
      case INT -> type.primitive() ? TypeName.INT : ClassName.get(Integer.class);
      case LONG -> type.primitive() ? TypeName.LONG : ClassName.get(Long.class);
      case BOOLEAN -> type.primitive() ? TypeName.BOOLEAN : ClassName.get(Boolean.class);
      case DOUBLE -> type.primitive() ? TypeName.DOUBLE : ClassName.get(Double.class);
      case DATE_TIME -> OFFSET_DATE_TIME;
      case JSON -> JSON_VALUE;
      case ENUM, RECORD -> className(type.named());
      case LIST -> ParameterizedTypeName.get(LIST, javaType(type.element()).box());
    };
  }

  /** What a parameter is declared as, {@code @Nullable} kept so that the override says the same. */
  static TypeName parameterType(Operation operation, Param param) {
    TypeName type = switch (param.role()) {
      case PATH, QUERY, QUERY_RECORD, HEADER, BODY -> javaType(param.type());
      case BODY_BUILDER -> ParameterizedTypeName.get(CONSUMER, builder(param.type().named()));
      case UPLOAD -> UPLOAD;
      case EXPECTED_HASH -> DOWNLOAD_HASH;
      case CONTINUATION -> ParameterizedTypeName.get(CONTINUATION, WildcardTypeName.supertypeOf(result(operation)));
    };
    return param.nullable() && !type.isPrimitive() ? nullable(type) : type;
  }

  /** What the method returns. */
  static TypeName returnType(Operation operation) {
    return switch (operation.returnKind()) {
      case VOID -> TypeName.VOID;
      case VALUE -> result(operation);
      case FUTURE -> ParameterizedTypeName.get(FUTURE, result(operation));
      case SUSPEND -> TypeName.OBJECT;
    };
  }

  /** The result a call yields: the answer's record, a Download, or Void (Unit for suspend). */
  static TypeName result(Operation operation) {
    if (operation.download()) {
      return DOWNLOAD;
    }
    if (operation.response() != null) {
      return javaType(operation.response());
    }
    return operation.returnKind() == ReturnKind.SUSPEND ? UNIT : ClassName.get(Void.class);
  }
}
