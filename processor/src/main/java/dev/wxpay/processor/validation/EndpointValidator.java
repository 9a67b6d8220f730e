package dev.wxpay.processor.validation;

import static dev.wxpay.processor.validation.Mirrors.DOWNLOAD;
import static dev.wxpay.processor.validation.Mirrors.FUTURE;
import static dev.wxpay.processor.validation.Mirrors.annotationValue;
import static dev.wxpay.processor.validation.Mirrors.article;
import static dev.wxpay.processor.validation.Mirrors.isType;
import static dev.wxpay.processor.validation.Mirrors.mirror;

import dev.wxpay.annotations.Delete;
import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Get;
import dev.wxpay.annotations.Host;
import dev.wxpay.annotations.Patch;
import dev.wxpay.annotations.Post;
import dev.wxpay.annotations.Put;
import dev.wxpay.annotations.UnsignedResponse;
import dev.wxpay.annotations.rules.GeneratedNames;
import dev.wxpay.annotations.rules.PathTemplate;
import dev.wxpay.processor.model.Models;
import dev.wxpay.processor.model.Models.Param;
import dev.wxpay.processor.model.Models.ParamRole;
import dev.wxpay.processor.model.Models.ReturnKind;
import dev.wxpay.processor.model.QualifiedName;
import dev.wxpay.processor.model.TypeRef;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
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
  private static final String CONTINUATION = "kotlin.coroutines.Continuation";
  public static final String FUTURE_KT = "kotlinx.coroutines.future.FutureKt";

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
  private final ParameterValidator parameters;

  public EndpointValidator(ProcessingEnvironment env, Reporter reporter, ModelValidator models) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.reporter = reporter;
    this.models = models;
    this.parameters = new ParameterValidator(elements, reporter, models);
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
      List<String> unresolved = new ArrayList<>();
      for (Method method : methods) {
        for (TypeMirror parameterType : method.type().getParameterTypes()) {
          String builder = ParameterValidator.unresolvedBuilder(parameterType);
          if (builder != null) {
            unresolved.add(builder);
          }
        }
      }
      if (!unresolved.isEmpty()) {
        // The builder may be one this round writes, for a record of that builder name that this
        // interface (parsed here) or any other declaration brings. Its build() method then names the
        // record in the next round, which is what counts.
        unresolved.forEach(models::wantBuilder);
        parseReachableRecords(type, methods);
        markNestedBuilt(type);
        return new Deferred(unresolved.get(0));
      }
    }

    int errorsBefore = reporter.errorCount();
    Endpoint endpoint = type.getAnnotation(Endpoint.class);
    String path = endpoint.value();
    Host host = endpoint.host();
    List<String> placeholders = placeholders(path, type, endpointMirror);
    if (path.startsWith("hk/") && host != Host.HONG_KONG) {
      // Only apihk.mch.weixin.qq.com serves hk/v3/...; the mainland host would answer 404 at run time.
      reporter.error(type, endpointMirror, annotationValue(endpointMirror, "value"), "@Endpoint path \""
          + path + "\" is served by the Hong Kong host only; add host = Host.HONG_KONG");
    }
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(type, "@Endpoint interfaces cannot have type parameters");
    }
    reportEndpointSuperinterfaces(type);
    List<Models.Operation> operations = new ArrayList<>();
    for (Method method : methods) {
      if (method.element().getEnclosingElement().equals(type)) {
        addOperation(operations, type, method, placeholders);
      } else {
        reporter.inheritedBy(type, method.element(), () -> addOperation(operations, type, method, placeholders));
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
          models.markBuilt(param.type());
        } else if (param.role() == ParamRole.QUERY_RECORD) {
          models.markBuilt(param.type());
        }
      }
    }
    markNestedBuilt(type);
    QualifiedName interfaceName = ModelValidator.name(type);
    return new Parsed(new Models.Endpoint(
        interfaceName, interfaceName.generated(GeneratedNames.CLIENT), path, host, operations), type);
  }

  private void addOperation(
      List<Models.Operation> operations, TypeElement type, Method method, List<String> placeholders) {
    Models.Operation operation = operation(type, method, placeholders);
    if (operation != null) {
      operations.add(operation);
    }
  }

  /**
   * Refuses an endpoint that extends another endpoint: the methods it inherits would be sent to its own
   * path, not to the one their interface declares, which reads as the opposite.
   */
  private void reportEndpointSuperinterfaces(TypeElement endpoint) {
    List<TypeElement> todo = new ArrayList<>(List.of(endpoint));
    Set<TypeElement> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      for (TypeMirror parent : todo.remove(0).getInterfaces()) {
        TypeElement parentType = (TypeElement) types.asElement(parent);
        if (!seen.add(parentType)) {
          continue;
        }
        todo.add(parentType);
        if (parentType.getAnnotation(Endpoint.class) != null) {
          reporter.error(endpoint, "@Endpoint interface " + endpoint.getSimpleName() + " extends @Endpoint"
              + " interface " + parentType.getSimpleName() + ", whose methods would then be sent to \""
              + endpoint.getAnnotation(Endpoint.class).value() + "\"; declare shared methods in an interface"
              + " without @Endpoint");
        }
      }
    }
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
      if (ModelComponents.isRecord(use)) {
        models.parseRecord((TypeElement) ((DeclaredType) use).asElement());
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(endpoint.getEnclosedElements())) {
      if (ModelComponents.isModel(nested)) {
        models.parseRecord(nested);
      }
    }
  }

  /**
   * Marks the records the interface nests (those parsed so far) as built: declared inside an endpoint,
   * they are part of what its callers write, even when a method only returns them.
   */
  private void markNestedBuilt(TypeElement endpoint) {
    for (TypeElement nested : ElementFilter.typesIn(endpoint.getEnclosedElements())) {
      if (ModelComponents.isModel(nested)) {
        models.markBuilt(TypeRef.named(TypeRef.Kind.RECORD, ModelValidator.name(nested)));
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
      } else if (ModelComponents.isRecord(suspended)) {
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
      } else if (args.size() == 1 && ModelComponents.isRecord(args.get(0))) {
        response = models.typeRef(args.get(0), method, methodName + "() response");
      } else {
        unsupportedReturn(method, returnType);
      }
    } else if (ModelComponents.isRecord(returnType)) {
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
      Param param = parameters.parameter(endpoint, method, parameter,
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
        // DELETE may carry a JSON body: WeChat Pay has such operations (v3/global/profit-sharing/receivers).
        if ("GET".equals(httpMethod)) {
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

}
