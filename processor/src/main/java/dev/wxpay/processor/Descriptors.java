package dev.wxpay.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * The plain model between validation and the writers. Writers read only these descriptors; the
 * originating elements ride along for the Filer and nothing else.
 */
final class Descriptors {
  private Descriptors() {}

  /** One {@code @Endpoint} interface. */
  record EndpointDescriptor(
      ClassName interfaceName,
      ClassName clientName,
      String pathTemplate,
      List<OperationDescriptor> operations,
      Element originatingElement) {}

  enum ReturnKind {
    VALUE,
    VOID,
    FUTURE,
    /** A Kotlin {@code suspend fun}: kapt shows a trailing Continuation parameter and an Object return. */
    SUSPEND
  }

  /** One abstract method of an endpoint interface. */
  record OperationDescriptor(
      String methodName,
      String httpMethod,
      ReturnKind returnKind,
      TypeName returnType,
      TypeRef response,
      boolean download,
      List<ParamDescriptor> params) {}

  enum ParamRole {
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
   * One method parameter. {@code name} is the placeholder, query or header name; {@code type} says how
   * the value is converted (the body or query record for record roles).
   */
  record ParamDescriptor(
      String javaName, TypeName javaType, ParamRole role, String name, TypeRef type,
      ModelDescriptor model) {}

  /** A record mapped to JSON, with a generated builder and adapter. */
  record ModelDescriptor(
      ClassName type,
      ClassName builderName,
      ClassName adapterName,
      List<PropertyDescriptor> properties,
      Element originatingElement) {}

  /**
   * A record component or data class property; {@code encrypted} for {@code @Encrypted} sensitive
   * strings; {@code accessor} the method that reads it ({@code name()} on records, {@code getName()} on
   * Kotlin data classes).
   */
  record PropertyDescriptor(String javaName, String jsonName, TypeRef type, boolean required,
      boolean encrypted, String accessor) {}

  /** An enum mapped to JSON by constant name or {@code @Json(name = ...)}. */
  record EnumDescriptor(
      ClassName type, ClassName adapterName, List<EnumConstant> constants, Element originatingElement) {}

  record EnumConstant(String javaName, String jsonName) {}
}
