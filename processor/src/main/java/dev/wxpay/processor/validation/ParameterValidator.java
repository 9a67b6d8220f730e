package dev.wxpay.processor.validation;

import static dev.wxpay.processor.validation.Mirrors.CONSUMER;
import static dev.wxpay.processor.validation.Mirrors.DOWNLOAD_HASH;
import static dev.wxpay.processor.validation.Mirrors.JSON_VALUE;
import static dev.wxpay.processor.validation.Mirrors.UPLOAD;
import static dev.wxpay.processor.validation.Mirrors.isType;
import static dev.wxpay.processor.validation.Mirrors.mirror;

import dev.wxpay.annotations.Body;
import dev.wxpay.annotations.Encrypted;
import dev.wxpay.annotations.Header;
import dev.wxpay.annotations.Path;
import dev.wxpay.annotations.Query;
import dev.wxpay.annotations.rules.GeneratedNames;
import dev.wxpay.annotations.rules.HeaderRules;
import dev.wxpay.processor.model.Models.Param;
import dev.wxpay.processor.model.Models.ParamRole;
import dev.wxpay.processor.model.QualifiedName;
import dev.wxpay.processor.model.TypeRef;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Validates one parameter of an endpoint method: what it binds ({@code @Path}, {@code @Query},
 * {@code @Header}, a body, an upload, an expected hash) and whether its type fits, each problem reported
 * on the parameter or its annotation.
 */
final class ParameterValidator {
  private static final String LIST = "java.util.List";
  private static final String QUERY_LIST = "a query list holds strings, numbers, booleans, enums or"
      + " OffsetDateTimes, sent as one parameter with the values separated by commas";
  private final Elements elements;
  private final Reporter reporter;
  private final ModelValidator models;

  ParameterValidator(Elements elements, Reporter reporter, ModelValidator models) {
    this.elements = elements;
    this.reporter = reporter;
    this.models = models;
  }

  Param parameter(
      TypeElement endpoint,
      ExecutableElement method,
      VariableElement parameter,
      TypeMirror type,
      List<String> placeholders,
      Map<String, VariableElement> boundPaths) {
    String javaName = parameter.getSimpleName().toString();
    Path path = parameter.getAnnotation(Path.class);
    Query query = parameter.getAnnotation(Query.class);
    Header header = parameter.getAnnotation(Header.class);
    Body body = parameter.getAnnotation(Body.class);
    int annotations = (path != null ? 1 : 0) + (query != null ? 1 : 0) + (header != null ? 1 : 0)
        + (body != null ? 1 : 0);
    if (annotations > 1) {
      reporter.error(parameter, "parameter '" + javaName
          + "' has more than one of @Path, @Query, @Header and @Body");
      return null;
    }
    String what = "parameter '" + javaName + "'";
    if (mirror(parameter, Encrypted.class) != null) {
      reporter.error(parameter, mirror(parameter, Encrypted.class), null, "@Encrypted applies to"
          + " components of a body or response record; '" + javaName + "' would be sent in the clear");
      return null;
    }
    if (path != null) {
      String name = path.value();
      if (placeholders != null && !placeholders.contains(name)) {
        reporter.error(parameter, mirror(parameter, Path.class), null, "@Path(\"" + name + "\") on '"
            + javaName + "' matches no placeholder of @Endpoint path; placeholders are " + placeholders);
        return null;
      }
      if (boundPaths.containsKey(name)) {
        reporter.error(parameter, mirror(parameter, Path.class), null, "duplicate @Path(\"" + name
            + "\"): already bound to '" + boundPaths.get(name).getSimpleName() + "'");
        return null;
      }
      boundPaths.put(name, parameter);
      if (!isScalarOf(type, TypeRef.Kind.STRING, TypeRef.Kind.INT, TypeRef.Kind.LONG)) {
        reporter.error(parameter, "@Path parameter '" + javaName + "' must be a String, int or long");
        return null;
      }
      return new Param(javaName, ParamRole.PATH, name, models.typeRef(type, parameter, what), nullable(parameter));
    }
    if (header != null) {
      String name = header.value();
      String problem = HeaderRules.nameProblem(name);
      if (problem != null) {
        reporter.error(parameter, mirror(parameter, Header.class), null, "@Header(\"" + name + "\") " + problem);
        return null;
      }
      if (!isScalarOf(type, TypeRef.Kind.STRING)) {
        reporter.error(parameter, "@Header parameter '" + javaName + "' must be a String");
        return null;
      }
      return new Param(javaName, ParamRole.HEADER, name, models.typeRef(type, parameter, what), nullable(parameter));
    }
    if (query != null && isType(type, JSON_VALUE)) {
      reporter.error(parameter, "@Query parameter '" + javaName
          + "' is a JsonValue, which has no form in a query string; WeChat Pay takes untyped JSON in a body");
      return null;
    }
    if (query != null && !query.value().isEmpty()) {
      String named = "@Query(\"" + query.value() + "\") parameter '" + javaName + "'";
      if (isType(type, LIST)) {
        TypeMirror element = listElement((DeclaredType) type);
        if (element == null || !isQueryScalar(element)) {
          reporter.error(parameter, named + " is a List of " + (element == null ? "?" : element) + "; " + QUERY_LIST);
          return null;
        }
      } else if (!isQueryScalar(type)) {
        reporter.error(parameter, named + " must be a string, number, boolean, enum or OffsetDateTime, or a List"
            + " of these; use @Query without a name on a record for several parameters");
        return null;
      }
      return new Param(javaName, ParamRole.QUERY, query.value(), models.typeRef(type, parameter, what), nullable(parameter));
    }
    if (query != null) {
      if (!ModelComponents.isRecord(type)) {
        reporter.error(parameter, "@Query without a name needs a record whose components become query"
            + " parameters; '" + javaName + "' is " + type);
        return null;
      }
      TypeRef ref = models.typeRef(type, parameter, what);
      if (ref == null) {
        return null;
      }
      for (var property : models.record(ref.named()).properties()) {
        if (property.encrypted()) {
          reporter.error(parameter, "query record " + type + " component '" + property.javaName()
              + "' is @Encrypted, but query parameters are sent in the clear; WeChat Pay takes"
              + " sensitive fields in a JSON body");
          return null;
        }
        // Nested lists never get here: records cannot have them.
        TypeRef component = property.type();
        TypeRef.Kind kind = component.kind() == TypeRef.Kind.LIST ? component.element().kind() : component.kind();
        if (kind == TypeRef.Kind.JSON) {
          reporter.error(parameter, "query record " + type + " component '" + property.javaName()
              + "' is a JsonValue, which has no form in a query string; WeChat Pay takes untyped JSON in a"
              + " body");
          return null;
        }
        if (component.kind() == TypeRef.Kind.LIST && component.element().kind() == TypeRef.Kind.RECORD) {
          reporter.error(parameter, "query record " + type + " component '" + property.javaName()
              + "' is a List of " + component.element().named().canonicalName() + "; " + QUERY_LIST);
          return null;
        }
        if (component.kind() == TypeRef.Kind.RECORD) {
          reporter.error(parameter, "query record " + type + " component '" + property.javaName()
              + "' must be a scalar (string, number, boolean, enum or OffsetDateTime) or a List of scalars");
          return null;
        }
      }
      return new Param(javaName, ParamRole.QUERY_RECORD, "", ref, nullable(parameter));
    }
    if (isType(type, UPLOAD) || isType(type, DOWNLOAD_HASH)) {
      return new Param(javaName, isType(type, UPLOAD) ? ParamRole.UPLOAD : ParamRole.EXPECTED_HASH, "", null,
          nullable(parameter));
    }
    if (ModelComponents.isRecord(type)) {
      TypeRef ref = models.typeRef(type, parameter, what);
      return ref == null ? null : new Param(javaName, ParamRole.BODY, "", ref, nullable(parameter));
    }
    if (isType(type, CONSUMER)) {
      return builderBody(endpoint, parameter, (DeclaredType) type);
    }
    reporter.error(parameter, "unsupported parameter type " + type + " of '" + javaName
        + "' in " + method.getSimpleName() + "(): annotate it with @Path, @Query or @Header, or pass"
        + " the body as a record or a Consumer of its generated builder");
    return null;
  }

  /** Whether the parameter is declared {@code @Nullable}, so the implementation says the same. */
  private static boolean nullable(VariableElement parameter) {
    return Mirrors.hasNullable(parameter.getAnnotationMirrors())
        || Mirrors.hasNullable(parameter.asType().getAnnotationMirrors());
  }

  /**
   * A {@code Consumer<XBuilder>} body. The builder names its record through its {@code build()} method;
   * a builder that does not exist by the last round was never going to be written.
   */
  private Param builderBody(TypeElement endpoint, VariableElement parameter, DeclaredType type) {
    String javaName = parameter.getSimpleName().toString();
    List<? extends TypeMirror> args = type.getTypeArguments();
    TypeMirror arg = args.size() == 1 ? args.get(0) : null;
    if (arg != null && arg.getKind() == TypeKind.WILDCARD) {
      reporter.error(parameter, "'" + javaName + "': write Consumer<XBuilder> without a wildcard");
      return null;
    }
    TypeElement record = arg == null ? null : builtRecord(arg);
    if (arg != null && isType(arg, "error.NonExistentClass")) {
      reporter.error(parameter, "'" + javaName + "': kapt replaced the builder type with error.NonExistentClass"
          + " because it does not exist before the processor runs; set kapt's correctErrorTypes to true");
      return null;
    }
    if (record == null) {
      String builderName = arg == null ? "?" : simpleName(arg);
      reporter.error(parameter, "'" + javaName + "' is " + type + ", but " + builderName + " is not a builder"
          + " wxpay generated; wxpay writes XBuilder for each record X that an @Endpoint method takes or"
          + " returns, that the endpoint interface nests, or that is annotated @Model (in " + packageOf(endpoint)
          + " or imported)");
      return null;
    }
    // The writers spell the builder by the record's generated name, so the declared one must be exactly it.
    QualifiedName expected = ModelValidator.name(record).generated(GeneratedNames.BUILDER);
    String declared = ((TypeElement) ((DeclaredType) arg).asElement()).getQualifiedName().toString();
    if (!declared.equals(expected.canonicalName())) {
      reporter.error(parameter, "'" + javaName + "' is " + type + ", but " + declared + " is not the builder"
          + " wxpay generates for record " + record.getQualifiedName() + "; write Consumer<" + expected.simpleName()
          + ">");
      return null;
    }
    TypeRef ref = models.typeRef(record.asType(), parameter, "parameter '" + javaName + "'");
    return ref == null ? null : new Param(javaName, ParamRole.BODY_BUILDER, "", ref, nullable(parameter));
  }

  /** The simple name of a builder type that does not resolve yet, or null. */
  static String unresolvedBuilder(TypeMirror type) {
    if (!isType(type, CONSUMER)) {
      return null;
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    if (args.size() != 1 || args.get(0).getKind() != TypeKind.ERROR) {
      return null;
    }
    return simpleName(args.get(0));
  }

  /** The record a generated builder builds, as its {@code build()} method says; null for other types. */
  private static TypeElement builtRecord(TypeMirror builder) {
    if (builder.getKind() != TypeKind.DECLARED) {
      return null;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(
        ((DeclaredType) builder).asElement().getEnclosedElements())) {
      if (method.getSimpleName().contentEquals("build") && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.STATIC)
          && ModelComponents.isRecord(method.getReturnType())) {
        return (TypeElement) ((DeclaredType) method.getReturnType()).asElement();
      }
    }
    return null;
  }

  private String packageOf(Element element) {
    PackageElement pkg = elements.getPackageOf(element);
    return pkg.getQualifiedName().toString();
  }

  private static String simpleName(TypeMirror type) {
    String written = type.toString();
    return written.substring(written.lastIndexOf('.') + 1);
  }

  /** Whether a query can send the type as text (checked without reporting). */
  private static boolean isQueryScalar(TypeMirror type) {
    return isScalarOf(type, TypeRef.Kind.STRING, TypeRef.Kind.INT, TypeRef.Kind.LONG, TypeRef.Kind.BOOLEAN,
        TypeRef.Kind.DOUBLE, TypeRef.Kind.DATE_TIME, TypeRef.Kind.ENUM);
  }

  /**
   * The element type of a List, {@code ? extends X} read as X (how kapt may spell Kotlin's {@code List<X>});
   * null for a raw List.
   */
  private static TypeMirror listElement(DeclaredType list) {
    if (list.getTypeArguments().size() != 1) {
      return null;
    }
    TypeMirror element = list.getTypeArguments().get(0);
    if (element.getKind() == TypeKind.WILDCARD) {
      return ((WildcardType) element).getExtendsBound();
    }
    return element;
  }

  /** Whether the type maps to one of the scalar kinds (checked without reporting). */
  private static boolean isScalarOf(TypeMirror type, TypeRef.Kind... kinds) {
    TypeRef.Kind kind = scalarKind(type);
    for (TypeRef.Kind allowed : kinds) {
      if (allowed == kind) {
        return true;
      }
    }
    return false;
  }

  private static TypeRef.Kind scalarKind(TypeMirror type) {
    switch (type.getKind()) {
      case INT:
        return TypeRef.Kind.INT;
      case LONG:
        return TypeRef.Kind.LONG;
      case BOOLEAN:
        return TypeRef.Kind.BOOLEAN;
      case DOUBLE:
        return TypeRef.Kind.DOUBLE;
      case DECLARED:
        break;
      default:
        return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return TypeRef.Kind.ENUM;
    }
    return switch (element.getQualifiedName().toString()) {
      case "java.lang.String" -> TypeRef.Kind.STRING;
      case "java.lang.Integer" -> TypeRef.Kind.INT;
      case "java.lang.Long" -> TypeRef.Kind.LONG;
      case "java.lang.Boolean" -> TypeRef.Kind.BOOLEAN;
      case "java.lang.Double" -> TypeRef.Kind.DOUBLE;
      case "java.time.OffsetDateTime" -> TypeRef.Kind.DATE_TIME;
      default -> null;
    };
  }
}
