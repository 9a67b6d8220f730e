package dev.wxpay.processor.validation;

import dev.wxpay.annotations.Body;
import dev.wxpay.annotations.Delete;
import dev.wxpay.annotations.Encrypted;
import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Get;
import dev.wxpay.annotations.Header;
import dev.wxpay.annotations.Patch;
import dev.wxpay.annotations.Path;
import dev.wxpay.annotations.Post;
import dev.wxpay.annotations.Put;
import dev.wxpay.annotations.Query;
import dev.wxpay.annotations.UnsignedResponse;
import dev.wxpay.annotations.rules.HeaderRules;
import dev.wxpay.annotations.rules.PathTemplate;
import dev.wxpay.annotations.rules.GeneratedNames;
import dev.wxpay.processor.model.Models;
import dev.wxpay.processor.model.Models.Param;
import dev.wxpay.processor.model.Models.ParamRole;
import dev.wxpay.processor.model.Models.ReturnKind;
import dev.wxpay.processor.model.QualifiedName;
import dev.wxpay.processor.model.TypeRef;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Validates one {@code @Endpoint} interface and describes it in the plain model. Every problem is reported
 * on the exact element and validation goes on, so one compile shows all mistakes of a round.
 */
public final class EndpointValidator {
  private static final List<Class<? extends Annotation>> METHOD_ANNOTATIONS =
      List.of(Get.class, Post.class, Put.class, Patch.class, Delete.class);
  private static final String CONSUMER = "java.util.function.Consumer";
  private static final String FUTURE = "java.util.concurrent.CompletableFuture";
  private static final String DOWNLOAD = "dev.wxpay.runtime.Download";
  private static final String CONTINUATION = "kotlin.coroutines.Continuation";
  public static final String FUTURE_KT = "kotlinx.coroutines.future.FutureKt";
  private static final String DOWNLOAD_HASH = "dev.wxpay.runtime.DownloadHash";
  private static final String UPLOAD = "dev.wxpay.runtime.Upload";

  /** What became of an interface this round. */
  public sealed interface Result permits Parsed, Failed, Deferred {}

  /** A valid endpoint, with the interface it came from (for the Filer only). */
  public record Parsed(Models.Endpoint endpoint, TypeElement origin) implements Result {}

  public record Failed() implements Result {}

  /** A {@code Consumer<XBuilder>} names a builder that this round's output may bring. */
  public record Deferred(String builderName) implements Result {}

  private final Elements elements;
  private final javax.lang.model.util.Types types;
  private final Reporter reporter;
  private final ModelValidator models;

  public EndpointValidator(ProcessingEnvironment env, Reporter reporter, ModelValidator models) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.reporter = reporter;
    this.models = models;
  }

  /**
   * Parses an element annotated with {@code @Endpoint}.
   *
   * @param lastRound whether unresolved builder types are errors rather than a reason to wait
   */
  public Result validate(Element element, boolean lastRound) {
    AnnotationMirror endpointMirror = mirror(element, Endpoint.class);
    if (element.getKind() != ElementKind.INTERFACE) {
      reporter.error(element, endpointMirror, null,
          "@Endpoint applies to interfaces, but " + element.getSimpleName() + " is "
              + article(element.getKind()));
      return new Failed();
    }
    TypeElement type = (TypeElement) element;
    List<Method> methods = abstractMethods(type);
    if (!lastRound) {
      for (Method method : methods) {
        for (TypeMirror parameterType : method.type().getParameterTypes()) {
          String unresolved = unresolvedBuilder(parameterType);
          if (unresolved != null) {
            // The builder may be one this round writes: for a record the interface uses or nests.
            // Its build() method then names the record in the next round; no name is guessed.
            parseReachableRecords(type, methods);
            return new Deferred(unresolved);
          }
        }
      }
    }

    int errorsBefore = reporter.errorCount();
    String path = type.getAnnotation(Endpoint.class).value();
    List<String> placeholders = placeholders(path, type, endpointMirror);
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(type, "@Endpoint interfaces cannot have type parameters");
    }
    List<Models.Operation> operations = new ArrayList<>();
    for (Method method : methods) {
      Models.Operation operation = operation(type, method, placeholders);
      if (operation != null) {
        operations.add(operation);
      }
    }
    if (reporter.errorCount() > errorsBefore) {
      return new Failed();
    }
    for (Models.Operation operation : operations) {
      models.markJson(operation.response());
      for (Param param : operation.params()) {
        if (param.role() == ParamRole.BODY || param.role() == ParamRole.BODY_BUILDER) {
          models.markJson(param.type());
        }
      }
    }
    QualifiedName interfaceName = ModelValidator.name(type);
    return new Parsed(new Models.Endpoint(
        interfaceName, interfaceName.generated(GeneratedNames.CLIENT), path, operations), type);
  }

  /** Parses the records the interface's methods take or return, and the records it nests. */
  private void parseReachableRecords(TypeElement endpoint, List<Method> methods) {
    List<TypeMirror> used = new ArrayList<>();
    for (Method method : methods) {
      used.add(method.type().getReturnType());
      used.addAll(method.type().getParameterTypes());
    }
    for (TypeMirror use : used) {
      if (isType(use, FUTURE)) {
        use = ((DeclaredType) use).getTypeArguments().get(0);
      }
      if (ModelValidator.isRecord(use)) {
        models.parseRecord((TypeElement) ((DeclaredType) use).asElement());
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(endpoint.getEnclosedElements())) {
      if (ModelValidator.isModel(nested)) {
        models.parseRecord(nested);
      }
    }
  }

  /** An abstract method as seen from the endpoint interface, type variables of superinterfaces bound. */
  record Method(ExecutableElement element, ExecutableType type) {}

  /**
   * The abstract methods to implement, inherited ones included. A method declared by two superinterfaces
   * with the same signature is implemented once.
   */
  private List<Method> abstractMethods(TypeElement endpoint) {
    DeclaredType endpointType = (DeclaredType) endpoint.asType();
    Map<String, Method> bySignature = new LinkedHashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(endpoint))) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      ExecutableType type = (ExecutableType) types.asMemberOf(endpointType, method);
      StringBuilder signature = new StringBuilder(method.getSimpleName());
      for (TypeMirror parameter : type.getParameterTypes()) {
        signature.append(',').append(types.erasure(parameter));
      }
      bySignature.putIfAbsent(signature.toString(), new Method(method, type));
    }
    return new ArrayList<>(bySignature.values());
  }

  private static String article(ElementKind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return (name.startsWith("a") || name.startsWith("e") ? "an " : "a ") + name;
  }

  /** Checks the path with the runtime's own rules and returns its placeholder names; null on a bad path. */
  private List<String> placeholders(String path, Element at, AnnotationMirror mirror) {
    String problem = PathTemplate.problem(path);
    if (problem != null) {
      reporter.error(at, mirror, annotationValue(mirror, "value"), "bad @Endpoint path \"" + path + "\": " + problem);
      return null;
    }
    return PathTemplate.parse(path).placeholderNames();
  }

  private Models.Operation operation(
      TypeElement endpoint, Method member, List<String> placeholders) {
    ExecutableElement method = member.element();
    int errorsBefore = reporter.errorCount();
    String methodName = method.getSimpleName().toString();
    String httpMethod = httpMethod(method);
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(method, methodName + "(): endpoint methods cannot have type parameters");
    }

    // Return type.
    TypeMirror returnType = member.type().getReturnType();
    ReturnKind returnKind;
    TypeRef response = null;
    TypeMirror suspended = suspendedResult(member.type());
    if (suspended != null) {
      returnKind = ReturnKind.SUSPEND;
      if (elements.getTypeElement(FUTURE_KT) == null) {
        reporter.error(method, "suspend " + methodName + "() needs kotlinx-coroutines-core on the class path"
            + " (it awaits the call with kotlinx.coroutines.future.await)");
      }
      if (isType(suspended, "kotlin.Unit")) {
        response = null;
      } else if (ModelValidator.isRecord(suspended)) {
        response = models.typeRef(suspended, method, methodName + "() response");
      } else {
        unsupportedReturn(method, suspended);
      }
    } else if (returnType.getKind() == TypeKind.VOID) {
      returnKind = ReturnKind.VOID;
    } else if (isType(returnType, FUTURE)) {
      returnKind = ReturnKind.FUTURE;
      List<? extends TypeMirror> args = ((DeclaredType) returnType).getTypeArguments();
      if (args.size() == 1 && isType(args.get(0), "java.lang.Void")) {
        response = null;
      } else if (args.size() == 1 && isType(args.get(0), DOWNLOAD)) {
        response = null;
      } else if (args.size() == 1 && ModelValidator.isRecord(args.get(0))) {
        response = models.typeRef(args.get(0), method, methodName + "() response");
      } else {
        unsupportedReturn(method, returnType);
      }
    } else if (ModelValidator.isRecord(returnType)) {
      returnKind = ReturnKind.VALUE;
      response = models.typeRef(returnType, method, methodName + "() response");
    } else if (isType(returnType, DOWNLOAD)) {
      returnKind = ReturnKind.VALUE;
    } else {
      returnKind = ReturnKind.VALUE;
      unsupportedReturn(method, returnType);
    }

    boolean download = isType(returnType, DOWNLOAD) || (isType(returnType, FUTURE)
        && ((DeclaredType) returnType).getTypeArguments().size() == 1
        && isType(((DeclaredType) returnType).getTypeArguments().get(0), DOWNLOAD));
    boolean unsigned = method.getAnnotation(UnsignedResponse.class) != null;
    if (download && !unsigned) {
      reporter.error(method, methodName + "() returns a Download, which is not verified; mark it"
          + " @UnsignedResponse if WeChat Pay really leaves this answer unsigned");
    } else if (unsigned && !download) {
      reporter.error(method, "@UnsignedResponse " + methodName + "() must return Download or"
          + " CompletableFuture<Download>: only downloads skip verification");
    }

    // Parameters.
    List<Param> params = new ArrayList<>();
    Map<String, VariableElement> boundPaths = new LinkedHashMap<>();
    VariableElement body = null;
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      if (suspended != null && i == method.getParameters().size() - 1) {
        params.add(new Param(parameter.getSimpleName().toString(), ParamRole.CONTINUATION, "", null, false));
        continue;
      }
      Param param = parameter(endpoint, method, parameter,
          member.type().getParameterTypes().get(i), placeholders, boundPaths);
      if (param == null) {
        continue;
      }
      if (param.role() == ParamRole.EXPECTED_HASH && !download) {
        reporter.error(parameter, "a DownloadHash parameter belongs to an @UnsignedResponse download");
        continue;
      }
      if (param.role() == ParamRole.BODY || param.role() == ParamRole.BODY_BUILDER
          || param.role() == ParamRole.UPLOAD) {
        if (body != null) {
          reporter.error(parameter, "two request bodies in " + methodName + "(): '"
              + body.getSimpleName() + "' and '" + parameter.getSimpleName() + "'; a call has one body");
          continue;
        }
        body = parameter;
        if (httpMethod != null && (httpMethod.equals("GET") || httpMethod.equals("DELETE"))) {
          reporter.error(parameter, httpMethod + " " + methodName + "() cannot have a request body ('"
              + parameter.getSimpleName() + "'); use @Query or @Path parameters");
          continue;
        }
      }
      params.add(param);
    }
    if (placeholders != null) {
      for (String placeholder : placeholders) {
        if (!boundPaths.containsKey(placeholder)) {
          reporter.error(method, "placeholder <" + placeholder + "> of @Endpoint path has no"
              + " @Path(\"" + placeholder + "\") parameter in " + methodName + "()");
        }
      }
    }
    if (httpMethod == null || reporter.errorCount() > errorsBefore) {
      return null;
    }
    return new Models.Operation(methodName, httpMethod, returnKind, response, download, params);
  }

  /**
   * What a Kotlin {@code suspend fun} returns, or null for other methods: kapt shows it as a trailing
   * {@code Continuation<? super R>} parameter and an {@code Object} return.
   */
  private static TypeMirror suspendedResult(ExecutableType method) {
    List<? extends TypeMirror> parameters = method.getParameterTypes();
    if (parameters.isEmpty() || !isType(method.getReturnType(), "java.lang.Object")) {
      return null;
    }
    TypeMirror last = parameters.get(parameters.size() - 1);
    if (!isType(last, CONTINUATION)) {
      return null;
    }
    List<? extends TypeMirror> args = ((DeclaredType) last).getTypeArguments();
    if (args.size() != 1) {
      return null;
    }
    TypeMirror arg = args.get(0);
    if (arg.getKind() == TypeKind.WILDCARD) {
      TypeMirror lower = ((javax.lang.model.type.WildcardType) arg).getSuperBound();
      return lower != null ? lower : arg;
    }
    return arg;
  }

  private void unsupportedReturn(ExecutableElement method, TypeMirror returnType) {
    reporter.error(method, "unsupported return type " + returnType + " of " + method.getSimpleName()
        + "(); return a record, void, or CompletableFuture of a record or Void (or Download for an"
        + " @UnsignedResponse download)");
  }

  /** The HTTP method from the annotation or the method name; reports and returns null if unclear. */
  private String httpMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    String base = name.endsWith("Async") ? name.substring(0, name.length() - "Async".length()) : name;
    String implied = switch (base) {
      case "get", "post", "put", "patch", "delete" -> base.toUpperCase(Locale.ROOT);
      default -> null;
    };
    List<String> annotated = new ArrayList<>();
    for (Class<? extends Annotation> annotation : METHOD_ANNOTATIONS) {
      if (method.getAnnotation(annotation) != null) {
        annotated.add(annotation.getSimpleName().toUpperCase(Locale.ROOT));
      }
    }
    if (annotated.size() > 1) {
      reporter.error(method, name + "() has more than one HTTP method annotation: " + annotated);
      return null;
    }
    if (annotated.size() == 1) {
      String explicit = annotated.get(0);
      if (implied != null && !implied.equals(explicit)) {
        reporter.error(method, name + "() is named for " + implied + " but annotated "
            + "@" + explicit.charAt(0) + explicit.substring(1).toLowerCase(Locale.ROOT));
        return null;
      }
      return explicit;
    }
    if (implied == null) {
      reporter.error(method, "cannot tell the HTTP method of " + name + "(): name it get, post, put,"
          + " patch or delete (optionally with the suffix Async) or annotate it with @Get, @Post, @Put,"
          + " @Patch or @Delete");
    }
    return implied;
  }

  private Param parameter(
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
    if (query != null && !query.value().isEmpty()) {
      if (!isScalarOf(type, TypeRef.Kind.STRING, TypeRef.Kind.INT, TypeRef.Kind.LONG,
          TypeRef.Kind.BOOLEAN, TypeRef.Kind.DOUBLE, TypeRef.Kind.DATE_TIME, TypeRef.Kind.ENUM)) {
        reporter.error(parameter, "@Query(\"" + query.value() + "\") parameter '" + javaName
            + "' must be a string, number, boolean, enum or OffsetDateTime; use @Query without a name"
            + " on a record for several parameters");
        return null;
      }
      return new Param(javaName, ParamRole.QUERY, query.value(), models.typeRef(type, parameter, what), nullable(parameter));
    }
    if (query != null) {
      if (!ModelValidator.isRecord(type)) {
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
        TypeRef.Kind kind = property.type().kind();
        if (kind == TypeRef.Kind.LIST || kind == TypeRef.Kind.RECORD) {
          reporter.error(parameter, "query record " + type + " component '" + property.javaName()
              + "' must be a scalar (string, number, boolean, enum or OffsetDateTime)");
          return null;
        }
      }
      return new Param(javaName, ParamRole.QUERY_RECORD, "", ref, nullable(parameter));
    }
    if (isType(type, UPLOAD) || isType(type, DOWNLOAD_HASH)) {
      return new Param(javaName, isType(type, UPLOAD) ? ParamRole.UPLOAD : ParamRole.EXPECTED_HASH, "", null,
          nullable(parameter));
    }
    if (ModelValidator.isRecord(type)) {
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
    return ModelValidator.hasNullable(parameter.getAnnotationMirrors())
        || ModelValidator.hasNullable(parameter.asType().getAnnotationMirrors());
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
    if (record == null) {
      String builderName = arg == null ? "?" : simpleName(arg);
      reporter.error(parameter, "'" + javaName + "' is " + type + ", but " + builderName + " is not a builder"
          + " wxpay generated; wxpay writes XBuilder for each record X that an @Endpoint method takes or"
          + " returns, that the endpoint interface nests, or that is annotated @Model (in " + packageOf(endpoint)
          + " or imported)");
      return null;
    }
    TypeRef ref = models.typeRef(record.asType(), parameter, "parameter '" + javaName + "'");
    return ref == null ? null : new Param(javaName, ParamRole.BODY_BUILDER, "", ref, nullable(parameter));
  }

  /** The simple name of a builder type that does not resolve yet, or null. */
  private static String unresolvedBuilder(TypeMirror type) {
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
          && ModelValidator.isRecord(method.getReturnType())) {
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

  private static boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals(qualifiedName);
  }

  private static AnnotationMirror mirror(Element element, Class<? extends Annotation> annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(annotation.getCanonicalName())) {
        return mirror;
      }
    }
    return null;
  }

  private static AnnotationValue annotationValue(AnnotationMirror mirror, String name) {
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
