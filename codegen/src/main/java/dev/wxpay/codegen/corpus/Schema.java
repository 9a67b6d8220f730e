package dev.wxpay.codegen.corpus;

import java.util.List;
import java.util.Map;

/**
 * A JSON shape of the corpus after {@code $ref}s are followed and {@code allOf}s merged: what the
 * generator turns into records, enums and scalar types.
 */
public sealed interface Schema {
  /** A short title, e.g. 商户订单号; may be null. */
  String description();

  /**
   * An object. {@code origin} is {@code file#Name} for a named definition and null for an inline one;
   * {@code sensitive} lists the properties {@code x-is-sensitive} names.
   */
  record ObjectSchema(String origin, String description, Map<String, Property> properties) implements Schema {}

  /** One property of an object. */
  record Property(String name, Schema schema, boolean required, boolean sensitive) {}

  record ArraySchema(String description, Schema items) implements Schema {}

  /**
   * A string, integer, number, boolean or file. {@code origin} is {@code file#Name} for a named definition
   * (an enum such as {@code Enumerations.yaml#BillType}), else null; {@code enumValues} as written (strings
   * or numbers), empty for none; {@code embedded} the schema of JSON carried in a string ({@code x-json}),
   * else null.
   */
  record ScalarSchema(String origin, Scalar type, String format, List<Object> enumValues, String description, Schema embedded)
      implements Schema {}

  /** {@code {}}: anything; the corpus uses it for empty answers and a few untyped fields. */
  record AnySchema(String description) implements Schema {}

  enum Scalar {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    FILE
  }
}
