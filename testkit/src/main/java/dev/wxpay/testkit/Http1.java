package dev.wxpay.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.1 requests (RFC 9112) off a connection: request line, header fields with their names spelled
 * as sent, and a body framed by {@code Content-Length} or {@code Transfer-Encoding: chunked}. Answers
 * {@code Expect: 100-continue}. What it cannot read safely it refuses with a {@link BadRequest}, after which
 * the connection must be closed, as the stream may be anywhere in the request.
 */
final class Http1 {
  static final int MAX_LINE = 8 * 1024;
  static final int MAX_HEADER_BYTES = 64 * 1024;
  static final int MAX_HEADERS = 200;
  /** Far above WeChat Pay's largest upload (a 20 MB video); a bound so that a broken client cannot exhaust memory. */
  static final int MAX_BODY = 64 * 1024 * 1024;
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private Http1() {}

  /** A request as received. Header lookup ignores case; the map's keys keep the spelling first sent. */
  record Request(String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers,
      byte[] body, boolean keepAlive) {
    @Nullable String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** A request that cannot be served: answered with this status, then the connection is closed. */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequest(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /**
   * Reads the next request. {@code out} receives {@code 100 Continue} if the client waits for it.
   *
   * @return the request, or null if the connection ended (or only sent empty lines) before a request began
   * @throws EOFException if the connection ended inside a request
   */
  static @Nullable Request read(InputStream in, OutputStream out) throws IOException, BadRequest {
    String requestLine = line(in, MAX_LINE, 414, true);
    // RFC 9112 section 2.2: ignore empty lines before a request line (some clients send a CRLF after a body).
    for (int skipped = 0; requestLine != null && requestLine.isEmpty(); skipped++) {
      if (skipped == 8) {
        throw new BadRequest(400, "empty lines instead of a request line");
      }
      requestLine = line(in, MAX_LINE, 414, true);
    }
    if (requestLine == null) {
      return null;
    }
    int firstSpace = requestLine.indexOf(' ');
    int lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace || requestLine.indexOf(' ', firstSpace + 1) != lastSpace) {
      throw new BadRequest(400, "malformed request line");
    }
    String method = requestLine.substring(0, firstSpace);
    String target = requestLine.substring(firstSpace + 1, lastSpace);
    String version = requestLine.substring(lastSpace + 1);
    if (!isToken(method)) {
      throw new BadRequest(400, "malformed method");
    }
    boolean http11 = version.equals("HTTP/1.1");
    if (!http11 && !version.equals("HTTP/1.0")) {
      throw new BadRequest(505, "only HTTP/1.1 and HTTP/1.0 are served, not " + printable(version));
    }
    String origin = originForm(target);

    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int headerBytes = 0;
    int count = 0;
    for (String field = line(in, MAX_LINE, 431, false); !field.isEmpty(); field = line(in, MAX_LINE, 431, false)) {
      headerBytes += field.length() + 2;
      if (++count > MAX_HEADERS || headerBytes > MAX_HEADER_BYTES) {
        throw new BadRequest(431, "too many or too large header fields");
      }
      if (field.charAt(0) == ' ' || field.charAt(0) == '\t') {
        throw new BadRequest(400, "obsolete line folding in a header field");
      }
      int colon = field.indexOf(':');
      String name = colon < 0 ? "" : field.substring(0, colon);
      if (!isToken(name)) {
        throw new BadRequest(400, "malformed header field " + printable(colon < 0 ? field : name));
      }
      String value = field.substring(colon + 1).strip();
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
          // RFC 9112 section 5.5: a bare CR or another control character in a value is refused.
          throw new BadRequest(400, "control character in header field " + name);
        }
      }
      headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    List<String> connection = tokens(headers.get("Connection"));
    boolean keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
    List<String> transferEncoding = tokens(headers.get("Transfer-Encoding"));
    long length = contentLength(headers.get("Content-Length"));
    boolean chunked = false;
    if (!transferEncoding.isEmpty()) {
      if (!http11 || !transferEncoding.equals(List.of("chunked"))) {
        throw new BadRequest(501, "only Transfer-Encoding: chunked is understood");
      }
      chunked = true;
      // Both framings at once is a smuggling pattern: serve by the chunks, then close (RFC 9112 section 6.3).
      keepAlive &= length < 0;
    } else if (length > MAX_BODY) {
      throw new BadRequest(413, "a body of " + length + " bytes is larger than the sandbox takes");
    }
    String expect = headers.containsKey("Expect") ? String.join(",", headers.get("Expect")) : null;
    if (expect != null) {
      if (!expect.equalsIgnoreCase("100-continue")) {
        throw new BadRequest(417, "unknown expectation " + printable(expect));
      }
      if (http11 && (chunked || length > 0)) {
        out.write(CONTINUE);
        out.flush();
      }
    }
    byte[] body = chunked ? chunked(in) : length > 0 ? exactly(in, (int) length) : new byte[0];

    int question = origin.indexOf('?');
    String rawPath = question < 0 ? origin : origin.substring(0, question);
    String rawQuery = question < 0 ? null : origin.substring(question + 1);
    return new Request(method, rawPath, rawQuery, Collections.unmodifiableMap(headers), body, keepAlive);
  }

  /** The path and query of a request target: origin form as sent, or taken out of an absolute form. */
  private static String originForm(String target) throws BadRequest {
    String origin = target;
    int scheme = target.indexOf("://");
    if (!target.startsWith("/") && scheme > 0) {
      int slash = target.indexOf('/', scheme + 3);
      origin = slash < 0 ? "/" : target.substring(slash);
    }
    if (!origin.startsWith("/")) {
      throw new BadRequest(400, "the request target must be a path, was " + printable(target));
    }
    for (int i = 0; i < origin.length(); i++) {
      char c = origin.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new BadRequest(400, "the request target has a character that must be percent-encoded");
      }
    }
    int fragment = origin.indexOf('#');
    return fragment < 0 ? origin : origin.substring(0, fragment);
  }

  /** The value of every Content-Length field (all must agree), or -1 without one. */
  private static long contentLength(@Nullable List<String> values) throws BadRequest {
    long length = -1;
    for (String token : values == null ? List.<String>of() : tokens(values)) {
      if (token.isEmpty() || token.length() > 18 || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new BadRequest(400, "malformed Content-Length " + printable(token));
      }
      long value = Long.parseLong(token);
      if (length >= 0 && value != length) {
        throw new BadRequest(400, "conflicting Content-Length values");
      }
      length = value;
    }
    return length;
  }

  /** A chunked body, chunk extensions ignored and trailer fields dropped. */
  private static byte[] chunked(InputStream in) throws IOException, BadRequest {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in, MAX_LINE, 400, false);
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
      if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new BadRequest(400, "malformed chunk size");
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        int trailerBytes = 0;
        for (String trailer = line(in, MAX_LINE, 431, false); !trailer.isEmpty();
            trailer = line(in, MAX_LINE, 431, false)) {
          trailerBytes += trailer.length();
          if (trailerBytes > MAX_HEADER_BYTES) {
            throw new BadRequest(431, "trailer fields too large");
          }
        }
        return body.toByteArray();
      }
      if (body.size() + size > MAX_BODY) {
        throw new BadRequest(413, "a chunked body larger than the sandbox takes");
      }
      body.write(exactly(in, (int) size));
      if (!line(in, 2, 400, false).isEmpty()) {
        throw new BadRequest(400, "a chunk is longer than its size says");
      }
    }
  }

  private static byte[] exactly(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException("the connection ended " + (length - bytes.length) + " bytes before the body did");
    }
    return bytes;
  }

  /**
   * One line without its CRLF (a bare LF is accepted too), as ISO-8859-1; null at the end of the stream only if
   * {@code nullAtEnd} and nothing was read.
   */
  private static String line(InputStream in, int max, int tooLong, boolean nullAtEnd) throws IOException, BadRequest {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (nullAtEnd && line.length() == 0) {
          return null;
        }
        throw new EOFException("the connection ended inside a request");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() == max) {
        throw new BadRequest(tooLong, "a line of the request is longer than " + max + " bytes");
      }
      line.append((char) b);
    }
  }

  /** The comma-separated, lower-cased tokens of every value of a field. */
  private static List<String> tokens(@Nullable List<String> values) {
    List<String> tokens = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String token : value.split(",")) {
          if (!token.isBlank()) {
            tokens.add(token.strip().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return tokens;
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }

  /** A short, printable excerpt of client input for an error message. */
  private static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(c >= ' ' && c < 0x7f || c == '…' ? c : '?');
    }
    return out.append('"').toString();
  }
}
