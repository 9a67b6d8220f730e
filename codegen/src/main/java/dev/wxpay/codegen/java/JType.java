package dev.wxpay.codegen.java;

/** A Java type in generated code. */
public sealed interface JType {
  /** A class, e.g. {@code java.lang.String}; {@code simpleName} may be nested ({@code Outer.Inner}). */
  record ClassType(String packageName, String simpleName) implements JType {
    public String qualifiedName() {
      return packageName + "." + simpleName;
    }
  }

  /** {@code int}, {@code long}, {@code boolean} or {@code double}. */
  record Primitive(String name) implements JType {}

  /** {@code java.util.List<item>}. */
  record ListType(JType item) implements JType {}

  ClassType STRING = new ClassType("java.lang", "String");
  ClassType INTEGER = new ClassType("java.lang", "Integer");
  ClassType LONG = new ClassType("java.lang", "Long");
  ClassType BOOLEAN = new ClassType("java.lang", "Boolean");
  ClassType DOUBLE = new ClassType("java.lang", "Double");
  ClassType DATE_TIME = new ClassType("java.time", "OffsetDateTime");

  /** The primitive for a boxed type, or the type itself. */
  static JType unboxed(JType type) {
    if (type.equals(INTEGER)) {
      return new Primitive("int");
    }
    if (type.equals(LONG)) {
      return new Primitive("long");
    }
    if (type.equals(BOOLEAN)) {
      return new Primitive("boolean");
    }
    if (type.equals(DOUBLE)) {
      return new Primitive("double");
    }
    return type;
  }

  /** A stable text of the type, for comparing shapes. */
  static String signature(JType type) {
    if (type instanceof ClassType c) {
      return c.qualifiedName();
    }
    if (type instanceof Primitive p) {
      return p.name();
    }
    return "List<" + signature(((ListType) type).item()) + ">";
  }
}
