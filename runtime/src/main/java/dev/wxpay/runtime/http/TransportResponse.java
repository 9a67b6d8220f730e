package dev.wxpay.runtime.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An answer as a {@link HttpTransport} received it: the status, a view of the headers (not copied) and
 * either the whole body or, for a {@linkplain TransportRequest#streamed() streamed} request, a stream of it.
 * Closing it closes the stream.
 */
public final class TransportResponse implements Closeable {
  private static final byte[] EMPTY = new byte[0];

  /** The answer's headers, as the transport holds them. */
  @FunctionalInterface
  public interface Headers {
    /** The first value of a header, its name compared case-insensitively; null if there is none. */
    @Nullable String first(String name);
  }

  private final int statusCode;
  private final Headers headers;
  private final byte @Nullable [] body;
  private final @Nullable InputStream stream;

  private TransportResponse(int statusCode, Headers headers, byte @Nullable [] body, @Nullable InputStream stream) {
    this.statusCode = statusCode;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body;
    this.stream = stream;
  }

  /** A read answer; a null body is the empty body. The array is kept, not copied. */
  public static TransportResponse of(int statusCode, Headers headers, byte @Nullable [] body) {
    return new TransportResponse(statusCode, headers, body == null ? EMPTY : body, null);
  }

  /** A streamed answer, whose body the caller reads and closes. */
  public static TransportResponse streamed(int statusCode, Headers headers, InputStream body) {
    return new TransportResponse(statusCode, headers, null, Objects.requireNonNull(body, "body"));
  }

  public int statusCode() {
    return statusCode;
  }

  /** The first value of a header, its name compared case-insensitively; null if there is none. */
  public @Nullable String header(String name) {
    return headers.first(name);
  }

  /** Whether the body is a stream ({@link #bodyStream()}) rather than bytes ({@link #body()}). */
  public boolean isStreamed() {
    return stream != null;
  }

  /**
   * The whole body; for a streamed answer, the stream read whole.
   *
   * @throws IOException if reading the stream fails
   */
  public byte[] body() throws IOException {
    if (body != null) {
      return body;
    }
    try (InputStream in = stream) {
      return in.readAllBytes();
    }
  }

  /** The body as a stream; for a read answer, a stream over its bytes. */
  public InputStream bodyStream() {
    return stream != null ? stream : new java.io.ByteArrayInputStream(body);
  }

  @Override
  public void close() throws IOException {
    if (stream != null) {
      stream.close();
    }
  }

  @Override
  public String toString() {
    return "TransportResponse[" + statusCode + "]";
  }
}
