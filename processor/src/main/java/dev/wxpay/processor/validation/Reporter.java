package dev.wxpay.processor.validation;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** Reports errors on the exact element and remembers whether any were reported. */
public final class Reporter {
  private final Messager messager;
  private int errors;
  // While an inherited method is checked: its errors go on the endpoint that inherits it.
  private ExecutableElement inherited;
  private TypeElement inheritor;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /**
   * Runs {@code check} with errors on {@code method} or its parameters reported on {@code endpoint}, naming
   * the method's declaring type. An inherited method may sit in a compiled library, where an error has no
   * position, and whether it is right depends on the endpoint (its path, its placeholders).
   */
  public void inheritedBy(TypeElement endpoint, ExecutableElement method, Runnable check) {
    inherited = method;
    inheritor = endpoint;
    try {
      check.run();
    } finally {
      inherited = null;
      inheritor = null;
    }
  }

  public void error(Element element, String message) {
    error(element, null, null, message);
  }

  public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    errors++;
    if (inherited != null && (element.equals(inherited) || inherited.equals(element.getEnclosingElement()))) {
      messager.printMessage(Diagnostic.Kind.ERROR, "in " + inherited.getSimpleName() + "() inherited from "
          + ((TypeElement) inherited.getEnclosingElement()).getQualifiedName() + ": " + message, inheritor);
    } else if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    }
  }

  public int errorCount() {
    return errors;
  }
}
