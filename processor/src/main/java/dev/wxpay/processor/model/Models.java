package dev.wxpay.processor.model;

import dev.wxpay.annotations.Host;
import java.util.List;

/**
 * The plain, language-neutral description that validation builds and the Java and Kotlin writers read:
 * no {@code Element}, no JavaPoet or Kotlin types.
 */
public final class Models {
  private Models() {}

  /** One {@code @Endpoint} interface, the host that serves it, and the client generated for it. */
  public record Endpoint(
      QualifiedName interfaceName,
      QualifiedName clientName,
      String pathTemplate,
      Host host,
      List<Operation> operations) {}

  public enum ReturnKind {
    VALUE,
    VOID,
    FUTURE,
    /** A Kotlin {@code suspend fun}: kapt shows a trailing Continuation parameter and an Object return. */
    SUSPEND
  }

  /**
   * One abstract method. {@code response} is the record the answer decodes to, or null; {@code download}
   * for an unsigned download, whose result is the runtime's Download.
   */
  public record Operation(
      String methodName,
      String httpMethod,
      ReturnKind returnKind,
      TypeRef response,
      boolean download,
      List<Param> params) {}

  public enum ParamRole {
    PATH,
    QUERY,
    QUERY_RECORD,
    HEADER,
    BODY,
    BODY_BUILDER,
    UPLOAD,
    EXPECTED_HASH,
    CONTINUATION
  }

  /**
   * One method parameter. {@code name} is the placeholder, query or header name; {@code type} the value's
   * type (the record for record roles, null for uploads, hashes and continuations); {@code nullable} as
   * declared, so the implementation says the same.
   */
  public record Param(String javaName, ParamRole role, String name, TypeRef type, boolean nullable) {}

  /**
   * A record (or Kotlin data class): a builder is generated when a caller builds it, an adapter when JSON
   * carries it.
   */
  public record Record(
      QualifiedName type, QualifiedName builderName, QualifiedName adapterName, List<Property> properties) {}

  /**
   * A record component or data class property; {@code encrypted} for {@code @Encrypted} sensitive
   * strings; {@code accessor} the method that reads it ({@code name()} on records, {@code getName()} on
   * Kotlin data classes).
   */
  public record Property(String javaName, String jsonName, TypeRef type, boolean required, boolean encrypted,
      String accessor) {}

  /**
   * An enum mapped to JSON by constant name or {@code @Json(name = ...)}, or, when every constant has a
   * {@code @JsonNumber}, by number.
   */
  public record Enum(QualifiedName type, QualifiedName adapterName, List<EnumConstant> constants) {
    public boolean numeric() {
      return !constants.isEmpty() && constants.get(0).jsonNumber() != null;
    }
  }

  /** {@code jsonNumber} is the constant's {@code @JsonNumber}, or null in an enum written by name. */
  public record EnumConstant(String javaName, String jsonName, Integer jsonNumber) {}
}
