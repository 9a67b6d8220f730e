package dev.wxpay.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request the sandbox received, as it arrived on the wire, with the verdict of the sandbox's checks.
 * Immutable.
 */
public final class RecordedRequest {
  private final String method;
  private final String rawPath;
  private final @Nullable String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Map<String, String> authorization;
  private final boolean signatureValid;
  private final @Nullable String rejection;
  private final @Nullable String uploadMeta;
  private final byte @Nullable [] uploadFile;

  RecordedRequest(String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers,
      byte[] body, Map<String, String> authorization, boolean signatureValid, @Nullable String rejection) {
    this(method, rawPath, rawQuery, headers, body, authorization, signatureValid, rejection, null, null);
  }

  RecordedRequest(String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers,
      byte[] body, Map<String, String> authorization, boolean signatureValid, @Nullable String rejection,
      @Nullable String uploadMeta, byte @Nullable [] uploadFile) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body.clone();
    this.authorization = Map.copyOf(authorization);
    this.signatureValid = signatureValid;
    this.rejection = rejection;
    this.uploadMeta = uploadMeta;
    this.uploadFile = uploadFile == null ? null : uploadFile.clone();
  }

  /** The HTTP method, such as {@code POST}. */
  public String method() {
    return method;
  }

  /** The path exactly as received, percent-encoding kept, such as {@code /v3/marketing/favor/stocks/9856000}. */
  public String rawPath() {
    return rawPath;
  }

  /** The query exactly as received, without the {@code ?}, or null if the request had none. */
  public @Nullable String rawQuery() {
    return rawQuery;
  }

  /** The request target as received and as the merchant must sign it: raw path, and {@code ?} and raw query. */
  public String uri() {
    return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
  }

  /** The query's parameters, percent-decoded; the first of repeated ones wins. */
  Map<String, String> queryParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // Malformed percent-encoding: keep the parameter as received.
        parameters.putIfAbsent(name, value);
      }
    }
    return parameters;
  }

  /** The first value of a header (name case-insensitive), or null if the request did not have it. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** All headers, by name (lookup case-insensitive), each with its values in order. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** A copy of the raw body bytes; empty if the request had no body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The parameters of the {@code Authorization} header ({@code mchid}, {@code nonce_str}, {@code timestamp},
   * {@code serial_no}, {@code signature}), or an empty map if the header was missing or malformed.
   */
  public Map<String, String> authorization() {
    return authorization;
  }

  /** Whether the {@code Authorization} header passed every check, signature included. */
  public boolean signatureValid() {
    return signatureValid;
  }

  /**
   * Why the sandbox refused the request (a failed signature check, a bad {@code Wechatpay-Serial} or
   * {@code Content-Type}, or no stub for it), or null if it was answered from a stub.
   */
  public @Nullable String rejection() {
    return rejection;
  }

  /**
   * For a {@code multipart/form-data} upload, the text of its {@code meta} part (the JSON the merchant signed
   * instead of the whole body); null for any other request, an upload without a meta part, or one whose body
   * could not be read as multipart.
   */
  public @Nullable String uploadMeta() {
    return uploadMeta;
  }

  /**
   * For a {@code multipart/form-data} upload, a copy of the bytes of its {@code file} part; null for any other
   * request, an upload without a file part, or one whose body could not be read as multipart.
   */
  public byte @Nullable [] uploadFile() {
    return uploadFile == null ? null : uploadFile.clone();
  }

  @Override
  public String toString() {
    return "RecordedRequest[" + method + " " + uri() + ", " + body.length + " bytes, "
        + (rejection == null ? "accepted" : "rejected: " + rejection) + "]";
  }
}
