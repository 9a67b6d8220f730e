package dev.wxpay.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The little JSON the sandbox writes itself (quoted strings in the bodies it builds) and reads itself (an
 * upload's {@code meta}).
 */
final class Json {
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses a JSON object: members become a map in document order; strings are {@code String}s, numbers
   * {@code Double}s, {@code true}/{@code false} {@code Boolean}s, arrays {@code List}s, {@code null} an absent
   * value (a {@code null} map value).
   *
   * @throws IllegalArgumentException if the text is not exactly one JSON object
   */
  static Map<String, @Nullable Object> parseObject(String text) {
    Json parser = new Json(text);
    parser.skipSpaces();
    if (parser.peek() != '{') {
      throw new IllegalArgumentException("not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) parser.value();
    parser.skipSpaces();
    if (parser.pos != text.length()) {
      throw new IllegalArgumentException("trailing content after the JSON object at offset " + parser.pos);
    }
    return object;
  }

  private @Nullable Object value() {
    skipSpaces();
    char c = peek();
    switch (c) {
      case '{' -> {
        pos++;
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        skipSpaces();
        if (peek() == '}') {
          pos++;
          return object;
        }
        while (true) {
          skipSpaces();
          String key = string();
          skipSpaces();
          expect(':');
          object.put(key, value());
          skipSpaces();
          if (peek() == ',') {
            pos++;
          } else {
            expect('}');
            return object;
          }
        }
      }
      case '[' -> {
        pos++;
        List<@Nullable Object> array = new ArrayList<>();
        skipSpaces();
        if (peek() == ']') {
          pos++;
          return array;
        }
        while (true) {
          array.add(value());
          skipSpaces();
          if (peek() == ',') {
            pos++;
          } else {
            expect(']');
            return array;
          }
        }
      }
      case '"' -> {
        return string();
      }
      default -> {
        if (text.startsWith("true", pos)) {
          pos += 4;
          return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
          pos += 5;
          return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
          pos += 4;
          return null;
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
          pos++;
        }
        try {
          return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("malformed JSON at offset " + start);
        }
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new IllegalArgumentException("unterminated JSON string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = pos < text.length() ? text.charAt(pos++) : '?';
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw new IllegalArgumentException("malformed \\u escape in a JSON string");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed \\u escape in a JSON string");
          }
          pos += 4;
        }
        default -> throw new IllegalArgumentException("malformed escape in a JSON string");
      }
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw new IllegalArgumentException("unexpected end of JSON");
    }
    return text.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new IllegalArgumentException("expected '" + c + "' at offset " + pos + " of the JSON text");
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

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
