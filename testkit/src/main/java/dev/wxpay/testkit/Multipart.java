package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small {@code multipart/form-data} reader (RFC 7578 on RFC 2046), enough for WeChat Pay's uploads. A part
 * ends only at CRLF followed by {@code --boundary}, so CR, LF and CRLF inside file bytes are content.
 */
final class Multipart {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

  private Multipart() {}

  /** One part: its headers (names lower-cased), its form field name and file name, and its bytes. */
  record Part(Map<String, String> headers, @Nullable String name, @Nullable String filename, byte[] content) {}

  /** Whether a {@code Content-Type} is {@code multipart/form-data}, any parameters aside. */
  static boolean isFormData(@Nullable String contentType) {
    return contentType != null
        && contentType.split(";", 2)[0].strip().equalsIgnoreCase("multipart/form-data");
  }

  /**
   * Returns the {@code boundary} parameter of a {@code Content-Type}, unquoted.
   *
   * @throws IllegalArgumentException if there is none or it is not 1 to 70 characters
   */
  static String boundary(String contentType) {
    String boundary = parameters(contentType).get("boundary");
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new IllegalArgumentException("the multipart Content-Type has no valid boundary parameter: \""
          + contentType + "\"");
    }
    return boundary;
  }

  /**
   * Splits a body into its parts.
   *
   * @throws IllegalArgumentException saying what is malformed
   */
  static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    int pos;
    if (startsWith(body, 0, delimiter)) {
      pos = delimiter.length;
    } else {
      // A preamble is allowed before the first delimiter, which then follows a CRLF.
      int first = indexOf(body, concat(CRLF, delimiter), 0);
      if (first < 0) {
        throw new IllegalArgumentException("the multipart body has no boundary \"" + boundary + "\"");
      }
      pos = first + CRLF.length + delimiter.length;
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      if (startsWith(body, pos, new byte[] {'-', '-'})) {
        return List.copyOf(parts);
      }
      while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
        pos++;
      }
      if (!startsWith(body, pos, CRLF)) {
        throw new IllegalArgumentException("the multipart body has no CRLF after a boundary at offset " + pos);
      }
      pos += CRLF.length;
      int contentStart;
      Map<String, String> headers = new LinkedHashMap<>();
      if (startsWith(body, pos, CRLF)) {
        contentStart = pos + CRLF.length;
      } else {
        int headersEnd = indexOf(body, CRLF_CRLF, pos);
        if (headersEnd < 0) {
          throw new IllegalArgumentException("a multipart part's headers do not end with an empty line");
        }
        for (String line : new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8).split("\r\n")) {
          int colon = line.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("malformed multipart part header \"" + line + "\"");
          }
          headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        contentStart = headersEnd + CRLF_CRLF.length;
      }
      int end = indexOf(body, concat(CRLF, delimiter), contentStart);
      if (end < 0) {
        throw new IllegalArgumentException("a multipart part is not closed by the boundary \"" + boundary + "\"");
      }
      String disposition = headers.get("content-disposition");
      Map<String, String> dispositionParameters = disposition == null ? Map.of() : parameters(disposition);
      if (disposition == null || !disposition.split(";", 2)[0].strip().equalsIgnoreCase("form-data")) {
        throw new IllegalArgumentException("a multipart part has no Content-Disposition: form-data, was "
            + (disposition == null ? "none" : "\"" + disposition + "\""));
      }
      parts.add(new Part(Map.copyOf(headers), dispositionParameters.get("name"),
          dispositionParameters.get("filename"), Arrays.copyOfRange(body, contentStart, end)));
      pos = end + CRLF.length + delimiter.length;
    }
  }

  /** The {@code ; key=value} parameters of a header value, keys lower-cased, quoted values unquoted. */
  static Map<String, String> parameters(String headerValue) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = headerValue.indexOf(';');
    int n = headerValue.length();
    while (i >= 0 && i < n) {
      i++;
      while (i < n && headerValue.charAt(i) == ' ') {
        i++;
      }
      int equals = headerValue.indexOf('=', i);
      if (equals < 0) {
        break;
      }
      String key = headerValue.substring(i, equals).strip().toLowerCase(Locale.ROOT);
      i = equals + 1;
      StringBuilder value = new StringBuilder();
      if (i < n && headerValue.charAt(i) == '"') {
        i++;
        while (i < n && headerValue.charAt(i) != '"') {
          if (headerValue.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(headerValue.charAt(i++));
        }
        i = headerValue.indexOf(';', i);
      } else {
        int semicolon = headerValue.indexOf(';', i);
        value.append(headerValue, i, semicolon < 0 ? n : semicolon);
        i = semicolon;
      }
      parameters.putIfAbsent(key, value.toString().strip());
    }
    return parameters;
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (offset + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte[] target, int from) {
    for (int i = from; i <= bytes.length - target.length; i++) {
      if (startsWith(bytes, i, target)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
