package dev.wxpay.runtime.http;

import java.io.IOException;

/**
 * What a {@link HttpTransport} throws when an answer it reads whole is longer than the request's
 * {@link TransportRequest#maxBodyBytes() limit}: known from {@code Content-Length} before reading, or from
 * the bytes read so far. The rest is not read, and the connection is not reused.
 */
public final class AnswerTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public AnswerTooLargeException(long limit) {
    super("answer body longer than " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit the answer went past, in bytes. */
  public long limit() {
    return limit;
  }
}
