package dev.wxpay.processor.validation;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** What validation asks of types and annotations, in one place for the endpoint and the model checks. */
final class Mirrors {
  static final String CONSUMER = "java.util.function.Consumer";
  static final String FUTURE = "java.util.concurrent.CompletableFuture";
  static final String DOWNLOAD = "dev.wxpay.runtime.Download";
  static final String DOWNLOAD_HASH = "dev.wxpay.runtime.DownloadHash";
  static final String UPLOAD = "dev.wxpay.runtime.Upload";
  static final String JSON_VALUE = "dev.wxpay.runtime.JsonValue";
  static final String MOSHI_JSON = "com.squareup.moshi.Json";

  private Mirrors() {}

  /** Whether {@code type} is the declared type {@code qualifiedName}. */
  static boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** The annotation on {@code element}, or null: the exact thing to report an error on. */
  static AnnotationMirror mirror(Element element, Class<? extends Annotation> annotation) {
    return mirror(element, annotation.getCanonicalName());
  }

  /** The annotation named {@code qualifiedName} on {@code element}, or null. */
  static AnnotationMirror mirror(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  /** A value an annotation gives explicitly, or null. */
  static AnnotationValue annotationValue(AnnotationMirror mirror, String name) {
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

  /** {@code "an interface"}, {@code "a class"}: for messages. */
  static String article(ElementKind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return (name.startsWith("a") || name.startsWith("e") ? "an " : "a ") + name;
  }

  /** The name from Moshi's {@code @Json(name = ...)}, or the default. */
  static String jsonName(Element element, String defaultName) {
    AnnotationValue name = annotationValue(mirror(element, MOSHI_JSON), "name");
    return name == null ? defaultName : name.getValue().toString();
  }

  /** Whether {@code element} carries the annotation named {@code qualifiedName}. */
  static boolean hasAnnotation(Element element, String qualifiedName) {
    return mirror(element, qualifiedName) != null;
  }

  /** Whether any annotation named Nullable is among these (JSpecify, JetBrains, ...). */
  static boolean hasNullable(List<? extends AnnotationMirror> annotations) {
    for (AnnotationMirror mirror : annotations) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
