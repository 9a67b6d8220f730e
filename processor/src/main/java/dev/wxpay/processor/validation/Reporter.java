package dev.wxpay.processor.validation;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports errors on the exact element and remembers whether any were reported. */
public final class Reporter {
  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    errors++;
    if (annotation == null) {
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
