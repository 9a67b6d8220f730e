package dev.wxpay.processor.model;

/**
 * A JSON-mappable type: its kind, whether Java holds it as a primitive, the declared enum or record it
 * names, and for lists the element type.
 */
public record TypeRef(Kind kind, boolean primitive, QualifiedName named, TypeRef element) {

  public enum Kind {
    STRING,
    INT,
    LONG,
    BOOLEAN,
    DOUBLE,
    DATE_TIME,
    /** The runtime's JsonValue: any JSON value, for fields whose schema the API leaves open. */
    JSON,
    ENUM,
    RECORD,
    LIST
  }

  public static TypeRef scalar(Kind kind, boolean primitive) {
    return new TypeRef(kind, primitive, null, null);
  }

  /** An enum or record with a generated adapter (and, for records, a builder). */
  public static TypeRef named(Kind kind, QualifiedName type) {
    return new TypeRef(kind, false, type, null);
  }

  public static TypeRef list(TypeRef element) {
    return new TypeRef(Kind.LIST, false, null, element);
  }

  /** Whether the value can be written with a plain JsonWriter.value(...) call. */
  public boolean isSimple() {
    return kind == Kind.STRING || kind == Kind.INT || kind == Kind.LONG || kind == Kind.BOOLEAN
        || kind == Kind.DOUBLE;
  }

  /** The record this type is or lists, or null. */
  public QualifiedName record() {
    TypeRef type = kind == Kind.LIST ? element : this;
    return type.kind == Kind.RECORD ? type.named : null;
  }
}
