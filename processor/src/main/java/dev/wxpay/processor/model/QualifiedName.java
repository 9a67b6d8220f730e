package dev.wxpay.processor.model;

import dev.wxpay.annotations.rules.GeneratedNames;
import java.util.List;

/**
 * A declared or generated type by name: its package and its simple names from the top-level type in
 * ({@code Outer.Inner} has two).
 */
public record QualifiedName(String packageName, List<String> simpleNames) {
  public QualifiedName {
    simpleNames = List.copyOf(simpleNames);
  }

  public static QualifiedName of(String packageName, String... simpleNames) {
    return new QualifiedName(packageName, List.of(simpleNames));
  }

  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** {@code p.Outer.Inner}. */
  public String canonicalName() {
    String nested = String.join(".", simpleNames);
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }

  /** A generated top-level type beside this one: {@code Outer.Inner} + suffix gives {@code OuterInner<suffix>}. */
  public QualifiedName generated(String suffix) {
    return of(packageName, GeneratedNames.simpleName(simpleNames, suffix));
  }

  @Override
  public String toString() {
    return canonicalName();
  }
}
