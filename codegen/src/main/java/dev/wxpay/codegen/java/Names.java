package dev.wxpay.codegen.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The naming rules of generated code, in one place so the README can state them:
 *
 * <ul>
 *   <li>package: {@code dev.wxpay.endpoints} plus the path's static segments but the last, lower case,
 *       {@code -} as {@code _} ({@code /v3/pay/transactions/out-trade-no/{out_trade_no}/close} →
 *       {@code dev.wxpay.endpoints.v3.pay.transactions.out_trade_no});
 *   <li>interface: the last static segment in UpperCamelCase, plus {@code By} and each placeholder that
 *       follows it ({@code Close}; {@code /v3/refund/domestic/refunds/{out_refund_no}} →
 *       {@code RefundsByOutRefundNo});
 *   <li>fields: lowerCamelCase of the JSON name; Java keywords and names a record or builder already has
 *       ({@code from}, {@code build}, {@code toString}...) get a {@code Value} suffix.
 * </ul>
 */
public final class Names {
  public static final String ROOT_PACKAGE = "dev.wxpay.endpoints";

  private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
      "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
      "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
      "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
      "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
      "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
      "_");

  /** Members a record or its generated builder already has: {@code XBuilder.from}, {@code build}, Object's. */
  private static final Set<String> MEMBERS = Set.of("build", "from", "toString", "hashCode", "equals",
      "getClass", "clone", "finalize", "notify", "notifyAll", "wait");

  private Names() {}

  /** The segments of a URL path, without empty ones. */
  public static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        out.add(segment);
      }
    }
    return out;
  }

  public static boolean isPlaceholder(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  public static String placeholderName(String segment) {
    return segment.substring(1, segment.length() - 1);
  }

  /** The package of the interface for {@code path}. */
  public static String packageOf(String path) {
    List<String> statics = segments(path).stream().filter(segment -> !isPlaceholder(segment)).toList();
    StringBuilder name = new StringBuilder(ROOT_PACKAGE);
    for (String segment : statics.subList(0, statics.size() - 1)) {
      name.append('.').append(packageSegment(segment));
    }
    return name.toString();
  }

  /** One package name segment: lower case, {@code -} and {@code .} as {@code _}, keywords suffixed. */
  public static String packageSegment(String segment) {
    String name = segment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (Character.isDigit(name.charAt(0))) {
      name = "_" + name;
    }
    return KEYWORDS.contains(name) ? name + "_" : name;
  }

  /** The interface for {@code path}, before clashes are resolved. */
  public static String interfaceName(String path) {
    List<String> segments = segments(path);
    int last = segments.size() - 1;
    while (isPlaceholder(segments.get(last))) {
      last--;
    }
    StringBuilder name = new StringBuilder(upperCamel(segments.get(last)));
    for (String placeholder : segments.subList(last + 1, segments.size())) {
      name.append("By").append(upperCamel(placeholderName(placeholder)));
    }
    return name.toString();
  }

  /**
   * The interface for {@code path} when {@link #interfaceName} clashes with another path's in the same
   * package: the placeholder right before the last static segment joins in with {@code Of}, e.g.
   * {@code /coupons/{card_id}/send} → {@code SendOfCardId}. Null when there is no such placeholder.
   */
  public static String qualifiedInterfaceName(String path) {
    List<String> segments = segments(path);
    int last = segments.size() - 1;
    while (isPlaceholder(segments.get(last))) {
      last--;
    }
    if (last == 0 || !isPlaceholder(segments.get(last - 1))) {
      return null;
    }
    String base = interfaceName(path);
    String head = upperCamel(segments.get(last));
    return head + "Of" + upperCamel(placeholderName(segments.get(last - 1))) + base.substring(head.length());
  }

  /** {@code out_trade_no}, {@code out-trade-no}, {@code outTradeNo} → {@code OutTradeNo}. */
  public static String upperCamel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || c == '.' || c == ' ' || c == '/') {
        upper = true;
      } else if (Character.isLetterOrDigit(c) && c < 128) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
      out.insert(0, 'V');
    }
    return out.toString();
  }

  /** A field, parameter or method name for a JSON or parameter name. */
  public static String lowerCamel(String name) {
    String upper = upperCamel(name);
    String lower = Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    return KEYWORDS.contains(lower) || MEMBERS.contains(lower) ? lower + "Value" : lower;
  }

  /** The processor's snake_case of a component name, to know when {@code @Json} is needed; same rule. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
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

  /**
   * An enum constant for a JSON value: the value itself when it is already UPPER_SNAKE, else an upper-case
   * form of it ({@code 3} → {@code V_3}, {@code wx.pay} → {@code WX_PAY}); null when nothing of it is ASCII.
   */
  public static String enumConstant(String value) {
    String name = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (name.isEmpty() || !value.chars().allMatch(c -> c < 128)) {
      return null;
    }
    if (Character.isDigit(name.charAt(0))) {
      name = "V_" + name;
    }
    return KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) && name.equals(name.toLowerCase(Locale.ROOT))
        ? name + "_" : name;
  }
}
