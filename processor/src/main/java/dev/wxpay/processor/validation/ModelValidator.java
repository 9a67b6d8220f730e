package dev.wxpay.processor.validation;

import static dev.wxpay.processor.validation.Mirrors.MOSHI_JSON;
import static dev.wxpay.processor.validation.Mirrors.annotationValue;
import static dev.wxpay.processor.validation.Mirrors.hasAnnotation;
import static dev.wxpay.processor.validation.Mirrors.hasNullable;
import static dev.wxpay.processor.validation.Mirrors.jsonName;
import static dev.wxpay.processor.validation.Mirrors.mirror;

import dev.wxpay.annotations.JsonNumber;
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
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Validates the records and enums reachable from endpoints and {@code @Model}, and describes them in the
 * plain model. Each type is parsed once per processor run; errors are reported on the offending record
 * component or enum constant, and record cycles on the record.
 */
public final class ModelValidator {
  private static final String ENCRYPTED_ANNOTATION = "dev.wxpay.annotations.Encrypted";

  private final Sources sources;
  private final Reporter reporter;
  private final Map<String, Parsed<Models.Record>> records = new LinkedHashMap<>();
  private final Map<String, Parsed<Models.Enum>> enums = new LinkedHashMap<>();
  private final Set<String> failed = new HashSet<>();
  private final Map<String, Boolean> cycles = new HashMap<>();
  /** Records JSON carries (bodies, answers, @Model and what they reach): they get an adapter. */
  private final Set<String> json = new HashSet<>();
  /**
   * Records a caller builds (bodies, {@code @Query} records, records an endpoint nests, {@code @Model}
   * and what they reach): they get a builder and its Kotlin DSL. Answers alone get neither.
   */
  private final Set<String> built = new HashSet<>();
  /** Simple names of builders that {@code Consumer} parameters name before they exist. */
  private final Set<String> wantedBuilders = new HashSet<>();

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

  public Models.Enum enumType(QualifiedName type) {
    return enums.get(type.canonicalName()).model();
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

  /** Whether a caller builds the record, so that it needs a builder (and a Kotlin DSL). */
  public boolean isBuilt(QualifiedName record) {
    return built.contains(record.canonicalName());
  }

  /** Marks a parsed record a caller builds, with every record it reaches; others are left alone. */
  public void markBuilt(TypeRef type) {
    QualifiedName record = type == null ? null : type.record();
    Parsed<Models.Record> parsed = record == null ? null : records.get(record.canonicalName());
    if (parsed == null || !built.add(record.canonicalName())) {
      return;
    }
    for (Property property : parsed.model().properties()) {
      markBuilt(property.type());
    }
  }

  /**
   * Notes a builder that a {@code Consumer} parameter names before it exists. Which record it builds is
   * read from its {@code build()} once it exists; until then, every parsed record whose builder would have
   * this simple name is built (see {@link #markWantedBuilders()}), so that it comes to exist.
   */
  public void wantBuilder(String simpleName) {
    wantedBuilders.add(simpleName);
  }

  /** Marks the parsed records whose builders {@code Consumer} parameters name. */
  public void markWantedBuilders() {
    for (Parsed<Models.Record> parsed : records.values()) {
      if (wantedBuilders.contains(parsed.model().builderName().simpleName())) {
        markBuilt(TypeRef.named(TypeRef.Kind.RECORD, parsed.model().type()));
      }
    }
  }

  /**
   * A type annotated {@code @Model}: a record JSON carries and a caller builds, with an adapter and a
   * builder though no endpoint uses it.
   */
  public void validateModel(Element element) {
    if (!(element instanceof TypeElement type) || !ModelComponents.isModel(type)) {
      reporter.error(element, "@Model applies to records, but " + element.getSimpleName() + " is not one");
    } else if (parseRecord(type)) {
      TypeRef model = TypeRef.named(TypeRef.Kind.RECORD, name(type));
      markJson(model);
      markBuilt(model);
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
      case Mirrors.JSON_VALUE:
        return TypeRef.scalar(TypeRef.Kind.JSON, false);
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
      if (!parseEnum(element)) {
        reporter.error(at, what + " uses enum " + element.getSimpleName() + ", which has errors");
        return null;
      }
      return TypeRef.named(TypeRef.Kind.ENUM, name(element));
    }
    if (ModelComponents.isModel(element)) {
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
        + " their boxed types, OffsetDateTime, JsonValue, an enum, a record, or a List of these");
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
    Map<String, Element> positions = new HashMap<>();
    for (ModelComponents.Component component : ModelComponents.of(record)) {
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
      positions.put(javaName, at);
    }
    reportBuilderMethodClashes(properties, positions);
    if (reporter.errorCount() > errorsBefore) {
      records.remove(key);
      failed.add(key);
      return false;
    }
    return true;
  }

  /**
   * A component named like a method the builder writes for another component ({@code addItems} beside a
   * list {@code items}, {@code clearPayer} beside an optional record {@code payer}) is refused: with the same
   * parameter types the builder would not compile, and otherwise its setter reads as the other's method.
   */
  private void reportBuilderMethodClashes(List<Property> properties, Map<String, Element> positions) {
    for (Property property : properties) {
      TypeRef.Kind kind = property.type().kind();
      List<String> written = new ArrayList<>();
      if (kind == TypeRef.Kind.LIST) {
        written.add(Names.adder(property.javaName()));
      }
      if (!property.required() && (kind == TypeRef.Kind.LIST || kind == TypeRef.Kind.RECORD)) {
        written.add(Names.clearer(property.javaName()));
      }
      for (Property other : properties) {
        if (written.contains(other.javaName())) {
          reporter.error(positions.get(other.javaName()), "component '" + other.javaName()
              + "' is named like the builder method " + other.javaName() + "() written for component '"
              + property.javaName() + "'; rename it and keep the JSON name with @Json(name = \""
              + other.jsonName() + "\")");
        }
      }
    }
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

  /**
   * Parses an enum: by name, or by number when its constants carry {@code @JsonNumber}, which then each
   * need one of their own. False if it has errors.
   */
  private boolean parseEnum(TypeElement element) {
    String key = element.getQualifiedName().toString();
    if (enums.containsKey(key)) {
      return true;
    }
    if (failed.contains(key)) {
      return false;
    }
    List<Element> declared = new ArrayList<>();
    for (Element enclosed : element.getEnclosedElements()) {
      if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
        declared.add(enclosed);
      }
    }
    boolean numeric = declared.stream().anyMatch(constant -> mirror(constant, JsonNumber.class) != null);
    int errorsBefore = reporter.errorCount();
    Map<Integer, String> numbers = new HashMap<>();
    List<EnumConstant> constants = new ArrayList<>();
    for (Element constant : declared) {
      String javaName = constant.getSimpleName().toString();
      if (!numeric) {
        constants.add(new EnumConstant(javaName, jsonName(constant, javaName), null));
        continue;
      }
      AnnotationMirror annotation = mirror(constant, JsonNumber.class);
      if (annotation == null) {
        reporter.error(constant, "enum constant " + javaName + " has no @JsonNumber, but other constants of "
            + element.getSimpleName() + " have one; give every constant its number, or none");
        continue;
      }
      AnnotationMirror json = mirror(constant, MOSHI_JSON);
      AnnotationValue name = annotationValue(json, "name");
      if (name != null) {
        reporter.error(constant, json, name, "enum constant " + javaName
            + " has both @JsonNumber and @Json(name); its JSON is the number, so remove @Json(name)");
      }
      AnnotationValue value = annotationValue(annotation, "value");
      if (value == null) {
        continue; // @JsonNumber without its value: javac reports it
      }
      int number = (Integer) value.getValue();
      String previous = numbers.putIfAbsent(number, javaName);
      if (previous != null) {
        reporter.error(constant, annotation, value, "@JsonNumber(" + number + ") on " + javaName
            + " is already on " + previous + "; each constant needs its own number");
      }
      constants.add(new EnumConstant(javaName, javaName, number));
    }
    if (reporter.errorCount() > errorsBefore) {
      failed.add(key);
      return false;
    }
    QualifiedName type = name(element);
    enums.put(key, new Parsed<>(new Models.Enum(
        type, type.generated(GeneratedNames.JSON_ADAPTER), constants), element));
    return true;
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

}
