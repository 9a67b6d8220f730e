package dev.wxpay.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;

/** A JSON-mappable type as the writers need it: its kind, its Java type and, for lists, the element. */
record TypeRef(Kind kind, TypeName javaType, TypeRef element, ClassName model) {

  enum Kind {
    STRING,
    INT,
    LONG,
    BOOLEAN,
    DOUBLE,
    DATE_TIME,
    ENUM,
    RECORD,
    LIST
  }

  static TypeRef scalar(Kind kind, TypeName javaType) {
    return new TypeRef(kind, javaType, null, null);
  }

  /** An enum or record with a generated adapter (and, for records, a builder). */
  static TypeRef model(Kind kind, ClassName type) {
    return new TypeRef(kind, type, null, type);
  }

  static TypeRef list(TypeRef element) {
    return new TypeRef(
        Kind.LIST,
        ParameterizedTypeName.get(ClassName.get("java.util", "List"), element.javaType.box()),
        element,
        null);
  }

  boolean isPrimitive() {
    return javaType.isPrimitive();
  }

  /** Whether the value can be written with a plain JsonWriter.value(...) call. */
  boolean isSimple() {
    return kind == Kind.STRING || kind == Kind.INT || kind == Kind.LONG || kind == Kind.BOOLEAN
        || kind == Kind.DOUBLE;
  }
}
