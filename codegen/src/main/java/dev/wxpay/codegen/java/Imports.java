package dev.wxpay.codegen.java;

import dev.wxpay.codegen.java.JType.ClassType;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The imports of one source file: a class is imported unless its simple name is taken, then qualified. */
final class Imports {
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
