package dev.wxpay.processor.model;

import java.util.Locale;

/** Naming rules shared by validation and the writers. */
public final class Names {
  private Names() {}

  /** {@code stockCreatorMchid} → {@code stock_creator_mchid}. */
  public static String snakeCase(String camel) {
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
  public static String capitalize(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** The builder method that adds one element to list component {@code name}: {@code tags} → {@code addTags}. */
  public static String adder(String name) {
    return "add" + capitalize(name);
  }

  /** The builder method that clears optional component {@code name}: {@code payer} → {@code clearPayer}. */
  public static String clearer(String name) {
    return "clear" + capitalize(name);
  }

  /** {@code StockUseRule} → {@code stockUseRule}. */
  public static String decapitalize(String name) {
    return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }
}
