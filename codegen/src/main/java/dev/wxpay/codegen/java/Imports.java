package dev.wxpay.codegen.java;

import dev.wxpay.codegen.java.JType.ClassType;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The imports of one source file: a class is imported unless its simple name is taken, then qualified. */
final class Imports {
  private static final ClassType NULLABLE = new ClassType("org.jspecify.annotations", "Nullable");
  private static final ClassType LIST = new ClassType("java.util", "List");
  private static final ClassType CONSUMER = new ClassType("java.util.function", "Consumer");
  private static final ClassType FUTURE = new ClassType("java.util.concurrent", "CompletableFuture");

  private final String pkg;
  private final Set<String> localNames;
  /** Simple name → qualified name of each import. */
  private final Map<String, String> imports = new TreeMap<>();

  /** {@code localNames}: the simple names declared in {@code pkg}, which an import must not shadow. */
  Imports(String pkg, Set<String> localNames) {
    this.pkg = pkg;
    this.localNames = localNames;
  }

  /** The name to write for a class: simple when imported or local, else qualified. */
  String name(ClassType type) {
    String simple = type.simpleName();
    if (type.packageName().equals(pkg) || type.packageName().equals("java.lang") && !localNames.contains(simple)) {
      return simple;
    }
    String qualified = type.qualifiedName();
    String known = imports.get(simple);
    if (qualified.equals(known)) {
      return simple;
    }
    if (known == null && !localNames.contains(simple)) {
      imports.put(simple, qualified);
      return simple;
    }
    return qualified;
  }

  /** A type use; a nullable class or list type carries {@code @Nullable} (JSpecify's type-use position). */
  String typeUse(JType type, boolean nullable) {
    if (type instanceof JType.Primitive primitive) {
      return primitive.name();
    }
    String annotation = nullable ? "@" + name(NULLABLE) + " " : "";
    if (type instanceof JType.ListType list) {
      return annotation + name(LIST) + "<" + typeUse(list.item(), false) + ">";
    }
    String simple = name((ClassType) type);
    int dot = simple.lastIndexOf('.');
    // A qualified name takes the annotation before its simple name: java.time.@Nullable OffsetDateTime.
    return simple.substring(0, dot + 1) + annotation + simple.substring(dot + 1);
  }

  /** {@code Consumer<XBuilder>} for record {@code X}: the body parameter the builder fills. */
  String builderConsumer(ClassType record) {
    return name(CONSUMER) + "<" + name(new ClassType(record.packageName(), record.simpleName() + "Builder")) + ">";
  }

  /** A method's return type: {@code void} for none, wrapped in a {@code CompletableFuture} when async. */
  String returnType(JType returns, boolean async) {
    if (async) {
      return name(FUTURE) + "<" + (returns == null ? "Void" : typeUse(returns, false)) + ">";
    }
    return returns == null ? "void" : typeUse(returns, false);
  }

  /** The file's header: its package and sorted imports. */
  String header(String fileComment) {
    StringBuilder out = new StringBuilder(fileComment).append("package ").append(pkg).append(";\n\n");
    if (!imports.isEmpty()) {
      new TreeSet<>(imports.values()).forEach(name -> out.append("import ").append(name).append(";\n"));
      out.append('\n');
    }
    return out.toString();
  }
}
