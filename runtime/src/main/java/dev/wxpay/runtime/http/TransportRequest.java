package dev.wxpay.runtime.http;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One signed request, as a {@link HttpTransport} must send it. Immutable; the body array is shared, not
 * copied, and must not be modified.
 */
public final class TransportRequest {
  private final String method;
  private final String url;
  // Names and values alternating, in the order they are sent; names are unique (case-insensitively).
  private final String[] headers;
  private final byte @Nullable [] body;
  private final Duration timeout;
  private final boolean streamed;
  private final long maxBodyBytes;

  private TransportRequest(String method, String url, String[] headers, byte @Nullable [] body, Duration timeout,
      boolean streamed, long maxBodyBytes) {
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.body = body;
    this.timeout = timeout;
    this.streamed = streamed;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * A request whose answer may be of any length; see {@link #withMaxBodyBytes(long)}.
   *
   * @param headers names and values alternating; copied
   * @param body the body bytes, or null for none; not copied
   * @param streamed whether the answer's body is handed over as a stream (downloads) rather than read whole
   */
  public static TransportRequest of(String method, String url, String[] headers, byte @Nullable [] body,
      Duration timeout, boolean streamed) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers must alternate names and values");
    }
    String[] copy = headers.clone();
    for (String h : copy) {
      Objects.requireNonNull(h, "header");
    }
    return new TransportRequest(method, url, copy, body, timeout, streamed, Long.MAX_VALUE);
  }

  /** The method, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The absolute URL, path and query already percent-encoded exactly as signed. */
  public String url() {
    return url;
  }

  /** How many headers there are. */
  public int headerCount() {
    return headers.length / 2;
  }

  /** The name of header {@code index}, as it is to be sent. */
  public String headerName(int index) {
    return headers[2 * index];
  }

  /** The value of header {@code index}. */
  public String headerValue(int index) {
    return headers[2 * index + 1];
  }

  /** The value of a header, its name compared case-insensitively; null if there is none. */
  public @Nullable String header(String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  /** The body bytes (do not modify them), or null when the request has none. */
  public byte @Nullable [] body() {
    return body;
  }

  /** How long the exchange may take, from the call to the end of the answer (or its headers if streamed). */
  public Duration timeout() {
    return timeout;
  }

  /** Whether the answer's body is handed over as a stream (downloads) rather than read whole. */
  public boolean streamed() {
    return streamed;
  }

  /**
   * The most bytes of an answer's body the transport may read when it reads it whole (not {@link #streamed()}):
   * a longer one fails with {@link AnswerTooLargeException}, without being buffered.
   */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The same request to another URL (a backup host: the signature covers the path, not the host). */
  public TransportRequest withUrl(String url) {
    return new TransportRequest(method, Objects.requireNonNull(url, "url"), headers, body, timeout, streamed,
        maxBodyBytes);
  }

  /** The same request with another timeout: what is left of the call's deadline when it is resent. */
  public TransportRequest withTimeout(Duration timeout) {
    return new TransportRequest(method, url, headers, body, Objects.requireNonNull(timeout, "timeout"), streamed,
        maxBodyBytes);
  }

  /** The same request with a limit on the length of its answer's body; see {@link #maxBodyBytes()}. */
  public TransportRequest withMaxBodyBytes(long maxBodyBytes) {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
    }
    return new TransportRequest(method, url, headers, body, timeout, streamed, maxBodyBytes);
  }

  @Override
  public String toString() {
    // The URL's query and the headers may carry personal data or the signature; neither is shown.
    int query = url.indexOf('?');
    return "TransportRequest[" + method + " " + (query < 0 ? url : url.substring(0, query)) + "]";
  }
}
