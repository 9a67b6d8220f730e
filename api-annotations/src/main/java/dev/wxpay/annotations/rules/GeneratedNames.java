package dev.wxpay.annotations.rules;

import java.util.List;

/**
 * The names of what the processor generates beside a declared type. The runtime finds a client with
 * the same rule, so the two can never disagree: {@code p.Outer.Inner} gives {@code p.OuterInnerClient}.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  public static final String CLIENT = "Client";
  public static final String BUILDER = "Builder";
  public static final String JSON_ADAPTER = "JsonAdapter";
  public static final String KOTLIN_DSL = "Dsl";
  public static final String KOTLIN_AWAIT = "Await";

  /**
   * The class-path resource that lists a compilation's {@code @Endpoint} interfaces by binary name, one per
   * line, so that a container (the Spring Boot starter) finds every endpoint without scanning classes.
   * Each jar has its own; read them all with {@code ClassLoader.getResources}.
   */
  public static final String ENDPOINT_INDEX = "META-INF/wxpay/endpoints";

  /** The simple name of a generated type: the declared type's simple names joined, then the suffix. */
  public static String simpleName(List<String> simpleNames, String suffix) {
    return String.join("", simpleNames) + suffix;
  }

  /** The qualified name of a generated top-level type in the declared type's package. */
  public static String qualifiedName(String packageName, List<String> simpleNames, String suffix) {
    String simple = simpleName(simpleNames, suffix);
    return packageName.isEmpty() ? simple : packageName + "." + simple;
  }
}
