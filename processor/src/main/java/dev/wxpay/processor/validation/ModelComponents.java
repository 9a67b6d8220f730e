package dev.wxpay.processor.validation;

import static dev.wxpay.processor.validation.Mirrors.hasAnnotation;

import dev.wxpay.processor.model.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * What a model is made of: a record's components, or a Kotlin data class's primary constructor
 * properties as kapt's stubs show them, with every element their annotations may sit on.
 */
final class ModelComponents {
  private ModelComponents() {}

  /** Whether {@code type} is a model: a record, or a Kotlin data class (as kapt's stubs show it). */
  static boolean isRecord(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && isModel((TypeElement) ((DeclaredType) type).asElement());
  }

  static boolean isModel(TypeElement element) {
    return element.getKind() == ElementKind.RECORD || isKotlinDataClass(element);
  }

  /** A Kotlin data class: kotlin.Metadata, and the componentN() functions only data classes get. */
  static boolean isKotlinDataClass(TypeElement element) {
    if (element.getKind() != ElementKind.CLASS || !hasAnnotation(element, "kotlin.Metadata")) {
      return false;
    }
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals("component1")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A property of a model: a record component, or a data class's primary constructor parameter. Its
   * annotations may sit on any of {@code sources}; {@code accessor} reads it.
   */
  record Component(
      String name, TypeMirror type, List<Element> sources, Element position, String accessor) {}

  static List<Component> of(TypeElement model) {
    List<Component> components = new ArrayList<>();
    if (model.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : model.getRecordComponents()) {
        Element field = position(component);
        List<Element> sources = new ArrayList<>(List.of(component, field));
        if (component.getAccessor() != null) {
          sources.add(component.getAccessor());
        }
        components.add(new Component(component.getSimpleName().toString(), component.asType(), sources,
            field, component.getSimpleName().toString()));
      }
      return components;
    }
    List<ExecutableElement> methods = ElementFilter.methodsIn(model.getEnclosedElements());
    int count = 0;
    while (hasMethod(methods, "component" + (count + 1))) {
      count++;
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(model.getEnclosedElements())) {
      if (constructor.getParameters().size() != count) {
        continue;
      }
      for (int i = 0; i < count; i++) {
        VariableElement parameter = constructor.getParameters().get(i);
        String name = parameter.getSimpleName().toString();
        String getter = "get" + Names.capitalize(name);
        String accessor = hasMethod(methods, getter) ? getter
            : name.startsWith("is") && hasMethod(methods, name) ? name : "component" + (i + 1);
        List<Element> sources = new ArrayList<>(List.of(parameter));
        for (ExecutableElement method : methods) {
          // @get:Json(name = ...) lands on the getter.
          if (method.getSimpleName().contentEquals(accessor) && method.getParameters().isEmpty()) {
            sources.add(method);
          }
        }
        for (VariableElement field : ElementFilter.fieldsIn(model.getEnclosedElements())) {
          if (field.getSimpleName().contentEquals(name)) {
            sources.add(field);
          }
        }
        components.add(new Component(name, parameter.asType(), sources, parameter, accessor));
      }
      return components;
    }
    return components;
  }

  private static boolean hasMethod(List<ExecutableElement> methods, String name) {
    for (ExecutableElement method : methods) {
      if (method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where to report a problem with a component. javac 17 gives record components no source position,
   * but their implicit fields sit at the component's place in the header.
   */
  private static Element position(RecordComponentElement component) {
    for (Element member : component.getEnclosingElement().getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
        return member;
      }
    }
    return component;
  }
}
