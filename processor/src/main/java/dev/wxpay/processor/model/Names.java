package dev.wxpay.processor;

import com.squareup.javapoet.ClassName;
import java.util.Locale;

/** Naming rules shared by validation and the writers. */
final class Names {
  private Names() {}

  static final String BUILDER_SUFFIX = "Builder";
  static final String ADAPTER_SUFFIX = "JsonAdapter";
  static final String CLIENT_SUFFIX = "Client";

  /** {@code stockCreatorMchid} → {@code stock_creator_mchid}. */
  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code goodsTag} → {@code GoodsTag}. */
  static String capitalize(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** {@code stock_use_rule} → {@code stockUseRule}; used for local names derived from JSON names. */
  static String decapitalize(String name) {
    return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  private static final java.util.Set<String> KOTLIN_KEYWORDS = java.util.Set.of("as", "break", "class",
      "continue", "do", "else", "false", "for", "fun", "if", "in", "interface", "is", "null", "object",
      "package", "return", "super", "this", "throw", "true", "try", "typealias", "typeof", "val", "var",
      "when", "while");

  /** A Java name as Kotlin source writes it: Kotlin's hard keywords go in backticks. */
  static String kotlin(String name) {
    return KOTLIN_KEYWORDS.contains(name) ? "`" + name + "`" : name;
  }

  /** A generated type beside {@code type}: {@code Outer.Inner} + suffix → {@code OuterInner<suffix>}. */
  static ClassName sibling(ClassName type, String suffix) {
    return ClassName.get(type.packageName(), String.join("", type.simpleNames()) + suffix);
  }
}
