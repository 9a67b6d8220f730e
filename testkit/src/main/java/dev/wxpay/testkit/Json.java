package dev.wxpay.testkit;

/** The little JSON the sandbox writes itself: quoted strings in error bodies. */
final class Json {
  private Json() {}

  /** Returns {@code {"code":"...","message":"..."}}, the shape of WeChat Pay's error bodies. */
  static String error(String code, String message) {
    return "{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}";
  }

  /** Returns the value as a JSON string literal, quotes included. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
