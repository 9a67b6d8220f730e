package dev.wxpay.processor.validation;

import dev.wxpay.annotations.rules.GeneratedNames;
import dev.wxpay.processor.model.Models;
import dev.wxpay.processor.model.Models.EnumConstant;
import dev.wxpay.processor.model.Models.Property;
import dev.wxpay.processor.model.Names;
import dev.wxpay.processor.model.QualifiedName;
import dev.wxpay.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Validates the records and enums reachable from endpoints and {@code @Model}, and describes them in the
 * plain model. Each type is parsed once per processor run; errors are reported on the offending record
 * component, and record cycles on the record.
 */
public final class ModelValidator {
  private static final String JSON_ANNOTATION = "com.squareup.moshi.Json";
  private static final String ENCRYPTED_ANNOTATION = "dev.wxpay.annotations.Encrypted";

  private final Sources sources;
  private final Reporter reporter;
  private final Map<String, Parsed<Models.Record>> records = new LinkedHashMap<>();
  private final Map<String, Parsed<Models.Enum>> enums = new LinkedHashMap<>();
  private final Set<String> failed = new HashSet<>();
  private final Map<String, Boolean> cycles = new HashMap<>();
  /** Records JSON carries (bodies, answers, @Model and what they reach): they get an adapter. */
  private final Set<String> json = new HashSet<>();

  /** A validated type, with the element it came from (for the Filer and later errors only). */
  public record Parsed<T>(T model, TypeElement origin) {}

  public ModelValidator(Sources sources, Reporter reporter) {
    this.sources = sources;
    this.reporter = reporter;
  }

  /**
   * The valid records parsed so far, in discovery order, without those in a cycle (reported once on the
   * record itself).
   */
  public List<Parsed<Models.Record>> records() {
    List<Parsed<Models.Record>> valid = new ArrayList<>();
    for (Parsed<Models.Record> parsed : records.values()) {
      if (!reportsCycle(parsed)) {
        valid.add(parsed);
      }
    }
    return valid;
  }

  public Collection<Parsed<Models.Enum>> enums() {
    return enums.values();
  }

  public Models.Record record(QualifiedName type) {
    return records.get(type.canonicalName()).model();
  }

  /** Whether JSON carries the record, so that it needs an adapter. */
  public boolean isJson(QualifiedName record) {
    return json.contains(record.canonicalName());
  }

  /** Marks a type JSON carries, with every record it reaches. */
  public void markJson(TypeRef type) {
    QualifiedName record = type == null ? null : type.record();
    if (record == null || !json.add(record.canonicalName())) {
      return;
    }
    Parsed<Models.Record> parsed = records.get(record.canonicalName());
    if (parsed != null) {
      for (Property property : parsed.model().properties()) {
        markJson(property.type());
      }
    }
  }

  /** {@code p.Outer.Inner} as package and simple names. */
  public static QualifiedName name(TypeElement type) {
    List<String> simpleNames = new ArrayList<>();
    Element element = type;
    while (element instanceof TypeElement) {
      simpleNames.add(0, element.getSimpleName().toString());
      element = element.getEnclosingElement();
    }
    while (!(element instanceof PackageElement)) {
      element = element.getEnclosingElement();
    }
    return new QualifiedName(((PackageElement) element).getQualifiedName().toString(), simpleNames);
  }

  /** Whether {@code type} is a model: a record, or a Kotlin data class (as kapt's stubs show it). */
  public static boolean isRecord(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && isModel((TypeElement) ((DeclaredType) type).asElement());
  }

  public static boolean isModel(TypeElement element) {
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
  private record Component(
      String name, TypeMirror type, List<Element> sources, Element position, String accessor) {}

  private List<Component> components(TypeElement model) {
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
   * Maps a Java type to a JSON type, parsing records and enums it reaches. Reports an error on
   * {@code at} and returns null when the type is not supported.
   */
  public TypeRef typeRef(TypeMirror type, Element at, String what) {
    switch (type.getKind()) {
      case INT:
        return TypeRef.scalar(TypeRef.Kind.INT, true);
      case LONG:
        return TypeRef.scalar(TypeRef.Kind.LONG, true);
      case BOOLEAN:
        return TypeRef.scalar(TypeRef.Kind.BOOLEAN, true);
      case DOUBLE:
        return TypeRef.scalar(TypeRef.Kind.DOUBLE, true);
      case DECLARED:
        break;
      default:
        return unsupported(type, at, what);
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    switch (name) {
      case "java.lang.String":
        return TypeRef.scalar(TypeRef.Kind.STRING, false);
      case "java.lang.Integer":
        return TypeRef.scalar(TypeRef.Kind.INT, false);
      case "java.lang.Long":
        return TypeRef.scalar(TypeRef.Kind.LONG, false);
      case "java.lang.Boolean":
        return TypeRef.scalar(TypeRef.Kind.BOOLEAN, false);
      case "java.lang.Double":
        return TypeRef.scalar(TypeRef.Kind.DOUBLE, false);
      case "java.time.OffsetDateTime":
        return TypeRef.scalar(TypeRef.Kind.DATE_TIME, false);
      case "java.util.List":
        if (declared.getTypeArguments().size() != 1) {
          return unsupported(type, at, what);
        }
        TypeMirror elementType = declared.getTypeArguments().get(0);
        if (elementType.getKind() == TypeKind.WILDCARD
            && ((javax.lang.model.type.WildcardType) elementType).getExtendsBound() != null) {
          // kapt writes Kotlin's List<Kind> as List<? extends Kind>.
          elementType = ((javax.lang.model.type.WildcardType) elementType).getExtendsBound();
        }
        if (elementType.getKind() != TypeKind.DECLARED
            || ((TypeElement) ((DeclaredType) elementType).asElement())
                .getQualifiedName().contentEquals("java.util.List")) {
          return unsupported(type, at, what);
        }
        TypeRef item = typeRef(elementType, at, what);
        return item == null ? null : TypeRef.list(item);
      default:
        break;
    }
    if (element.getKind() == ElementKind.ENUM) {
      parseEnum(element);
      return TypeRef.named(TypeRef.Kind.ENUM, name(element));
    }
    if (isModel(element)) {
      if (!element.getTypeParameters().isEmpty()) {
        reporter.error(at, what + ": generic records are not supported: " + type);
        return null;
      }
      if (!parseRecord(element)) {
        // Its own errors are reported on it; this one keeps the user of the record from being generated.
        reporter.error(at, what + " uses record " + element.getSimpleName() + ", which has errors");
        return null;
      }
      return TypeRef.named(TypeRef.Kind.RECORD, name(element));
    }
    return unsupported(type, at, what);
  }

  private TypeRef unsupported(TypeMirror type, Element at, String what) {
    reporter.error(at, what + " has unsupported type " + type + "; use String, int, long, boolean, double,"
        + " their boxed types, OffsetDateTime, an enum, a record, or a List of these");
    return null;
  }

  /** Parses a record and everything it reaches; false if it has errors. */
  public boolean parseRecord(TypeElement record) {
    String key = record.getQualifiedName().toString();
    if (records.containsKey(key)) {
      return true;
    }
    if (failed.contains(key)) {
      return false;
    }
    QualifiedName type = name(record);
    List<Property> properties = new ArrayList<>();
    // Registered before the components are read so that recursive records terminate.
    records.put(key, new Parsed<>(new Models.Record(type,
        type.generated(GeneratedNames.BUILDER), type.generated(GeneratedNames.JSON_ADAPTER), properties), record));
    int errorsBefore = reporter.errorCount();
    List<String> jsonNames = new ArrayList<>();
    boolean kotlin = record.getKind() != ElementKind.RECORD;
    for (Component component : components(record)) {
      Element at = component.position();
      String javaName = component.name();
      TypeRef ref = typeRef(component.type(), at, "component '" + javaName + "'");
      if (ref == null) {
        continue;
      }
      if (javaName.equals("build") || javaName.equals("from")) {
        reporter.error(at, "component '" + javaName + "' clashes with the generated builder's "
            + javaName + "() method; rename it and keep the JSON name with @Json(name = \"" + javaName
            + "\")");
        continue;
      }
      String jsonName = Names.snakeCase(javaName);
      boolean nullable = false;
      boolean encrypted = false;
      for (Element source : component.sources()) {
        jsonName = jsonName(source, jsonName);
        nullable |= hasNullable(source.getAnnotationMirrors())
            || hasNullable(source.asType().getAnnotationMirrors());
        encrypted |= hasAnnotation(source, ENCRYPTED_ANNOTATION);
      }
      if (jsonNames.contains(jsonName)) {
        reporter.error(at, "JSON name '" + jsonName + "' is used by two components");
        continue;
      }
      jsonNames.add(jsonName);
      boolean required = ref.primitive() || !nullable;
      if (encrypted && ref.kind() != TypeRef.Kind.STRING) {
        reporter.error(at, "@Encrypted applies to String components; '" + javaName + "' is "
            + component.type());
        continue;
      }
      if (encrypted && kotlin) {
        // kapt's stubs show a toString() whether or not the class writes one, so it cannot be checked.
        reporter.error(at, "@Encrypted is not supported in Kotlin data classes yet: their toString()"
            + " prints every property; use a Java record that overrides toString()");
        continue;
      }
      if (encrypted && !overridesToString(record)) {
        reporter.error(at, "record " + record.getSimpleName() + " has @Encrypted component '" + javaName
            + "'; override toString() so that its plain text never reaches a log");
        continue;
      }
      properties.add(new Property(javaName, jsonName, ref, required, encrypted, component.accessor()));
    }
    if (reporter.errorCount() > errorsBefore) {
      records.remove(key);
      failed.add(key);
      return false;
    }
    return true;
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

  /**
   * Reports, once, a record that refers back to itself through other records: its adapter would build
   * the adapters of the cycle without end. A record that refers to itself directly is fine.
   */
  private boolean reportsCycle(Parsed<Models.Record> parsed) {
    QualifiedName type = parsed.model().type();
    Boolean known = cycles.get(type.canonicalName());
    if (known != null) {
      return known;
    }
    List<String> path = new ArrayList<>();
    boolean cycle = false;
    for (QualifiedName next : referenced(type)) {
      if (!next.equals(type) && reaches(next, type, path, new HashSet<>())) {
        cycle = true;
        reporter.error(parsed.origin(), "record " + type.simpleName() + " refers back to itself through "
            + next.simpleName() + path.stream().map(name -> " -> " + name).reduce("", String::concat)
            + "; only a record that refers to itself directly is supported");
        break;
      }
    }
    cycles.put(type.canonicalName(), cycle);
    return cycle;
  }

  private boolean reaches(QualifiedName from, QualifiedName target, List<String> path, Set<QualifiedName> seen) {
    if (!seen.add(from)) {
      return false;
    }
    for (QualifiedName next : referenced(from)) {
      if (next.equals(target)) {
        return true;
      }
      path.add(next.simpleName());
      if (reaches(next, target, path, seen)) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }

  private List<QualifiedName> referenced(QualifiedName record) {
    List<QualifiedName> result = new ArrayList<>();
    Parsed<Models.Record> parsed = records.get(record.canonicalName());
    if (parsed != null) {
      for (Property property : parsed.model().properties()) {
        QualifiedName next = property.type().record();
        if (next != null && records.containsKey(next.canonicalName())) {
          result.add(next);
        }
      }
    }
    return result;
  }

  private void parseEnum(TypeElement element) {
    String key = element.getQualifiedName().toString();
    if (enums.containsKey(key)) {
      return;
    }
    List<EnumConstant> constants = new ArrayList<>();
    for (Element enclosed : element.getEnclosedElements()) {
      if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
        String javaName = enclosed.getSimpleName().toString();
        constants.add(new EnumConstant(javaName, jsonName(enclosed, javaName)));
      }
    }
    QualifiedName type = name(element);
    enums.put(key, new Parsed<>(new Models.Enum(
        type, type.generated(GeneratedNames.JSON_ADAPTER), constants), element));
  }

  /** The name from Moshi's {@code @Json(name = ...)}, or the default. */
  private static String jsonName(Element element, String defaultName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(JSON_ANNOTATION)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
            : mirror.getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("name")) {
            return entry.getValue().getValue().toString();
          }
        }
      }
    }
    return defaultName;
  }

  private static boolean hasAnnotation(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the record declares toString() itself; javac lists the implicit one as a member too. */
  private boolean overridesToString(TypeElement record) {
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals("toString")
          && ((ExecutableElement) member).getParameters().isEmpty()
          && sources.isWrittenOut(member)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasNullable(List<? extends AnnotationMirror> annotations) {
    for (AnnotationMirror mirror : annotations) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
