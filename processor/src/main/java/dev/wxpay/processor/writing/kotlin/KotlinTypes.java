package dev.wxpay.processor.writing.kotlin;

import dev.wxpay.annotations.rules.GeneratedNames;
import dev.wxpay.processor.model.Models.Operation;
import dev.wxpay.processor.model.Models.Param;
import dev.wxpay.processor.model.QualifiedName;
import dev.wxpay.processor.model.TypeRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the Kotlin writers spell names and types: one type mapper, one import policy and one keyword rule
 * for a file in {@code packageName}. A type of another package is imported by its top-level name unless
 * another type already holds that simple name in the file, then it is written fully qualified.
 */
final class KotlinTypes {
  /** Kotlin's hard keywords: never an identifier without backticks. */
  private static final Set<String> HARD_KEYWORDS = Set.of("as", "break", "class", "continue", "do", "else",
      "false", "for", "fun", "if", "in", "interface", "is", "null", "object", "package", "return", "super",
      "this", "throw", "true", "try", "typealias", "typeof", "val", "var", "when", "while");
  /**
   * Modifier keywords that may start a declaration or a lambda where we write a name (an argument
   * {@code suspend} reads as the start of {@code suspend { }}); backticks keep them names. Other soft
   * keywords ({@code value}, {@code field}, {@code get}, {@code set}, ...) never stand bare inside an
   * accessor or where a modifier could go in what we write, so they stay as they are.
   */
  private static final Set<String> CLASHING_SOFT_KEYWORDS = Set.of("suspend", "inline", "noinline",
      "crossinline", "reified", "vararg", "dynamic");

  private final String packageName;
  private final Set<String> imports = new TreeSet<>();
  /** Simple name → the qualified name it stands for in this file. */
  private final Map<String, String> simpleNames = new HashMap<>();

  KotlinTypes(String packageName) {
    this.packageName = packageName;
  }

  /** A Java name as Kotlin source writes it. */
  static String escape(String name) {
    return HARD_KEYWORDS.contains(name) || CLASHING_SOFT_KEYWORDS.contains(name)
        || !name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "`" + name + "`" : name;
  }

  /** A dotted name (package, import, qualified type) with each segment escaped. */
  static String escapeQualified(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (String segment : name.split("\\.", -1)) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(escape(segment));
    }
    return out.toString();
  }

  /** The file's {@code package} line, or nothing for the default package. */
  String packageLine() {
    return packageName.isEmpty() ? "" : "package " + escapeQualified(packageName) + "\n\n";
  }

  /** Imports a library type (e.g. {@code java.util.function.Consumer}) and returns its simple name. */
  String imported(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    return use(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1), qualifiedName.substring(dot + 1));
  }

  /** A declared or generated type, nested names joined with dots. */
  String name(QualifiedName type) {
    return use(type.packageName(), type.simpleNames().get(0), String.join(".", type.simpleNames()));
  }

  private String use(String typePackage, String topLevel, String nested) {
    String qualifiedTop = typePackage.isEmpty() ? topLevel : typePackage + "." + topLevel;
    String holder = simpleNames.putIfAbsent(topLevel, qualifiedTop);
    if (holder != null && !holder.equals(qualifiedTop)) {
      return escapeQualified(typePackage.isEmpty() ? nested : typePackage + "." + nested);
    }
    if (!typePackage.equals(packageName)) {
      imports.add(qualifiedTop);
    }
    return escapeQualified(nested);
  }

  /** The Kotlin type of a JSON value, {@code ?} when it may be null. */
  String type(TypeRef type, boolean nullable) {
    String text = switch (type.kind()) {
      case STRING -> "String";
      case INT -> "Int";
      case LONG -> "Long";
      case BOOLEAN -> "Boolean";
      case DOUBLE -> "Double";
      case DATE_TIME -> imported("java.time.OffsetDateTime");
      case JSON -> imported("dev.wxpay.runtime.JsonValue");
      case ENUM, RECORD -> name(type.named());
      case LIST -> "List<" + type(type.element(), false) + ">";
    };
    return nullable ? text + "?" : text;
  }

  /** A parameter of an endpoint method as Kotlin sees the Java declaration. */
  String parameterType(Param param) {
    String text = switch (param.role()) {
      case PATH, QUERY, QUERY_RECORD, HEADER, BODY -> type(param.type(), false);
      case BODY_BUILDER -> imported("java.util.function.Consumer") + "<"
          + name(param.type().named().generated(GeneratedNames.BUILDER)) + ">";
      case UPLOAD -> imported("dev.wxpay.runtime.Upload");
      case EXPECTED_HASH -> imported("dev.wxpay.runtime.DownloadHash");
      case CONTINUATION -> throw new IllegalArgumentException("a continuation has no Kotlin parameter");
    };
    return param.nullable() && (param.type() == null || !param.type().primitive()) ? text + "?" : text;
  }

  /** What a call yields in Kotlin, or null for Unit. */
  String result(Operation operation) {
    if (operation.download()) {
      return imported("dev.wxpay.runtime.Download");
    }
    return operation.response() == null ? null : type(operation.response(), false);
  }

  /** The import lines, sorted. */
  String importLines() {
    StringBuilder out = new StringBuilder();
    for (String imported : imports) {
      out.append("import ").append(escapeQualified(imported)).append('\n');
    }
    return out.toString();
  }

  String packageName() {
    return packageName;
  }
}
