package dev.wxpay.runtime.http;

import java.net.ConnectException;

/**
 * A request that provably never reached the server: the connection was refused or timed out, the host is
 * unknown, or the TLS handshake failed. Only such a request may be sent again. A {@link ConnectException},
 * so code that looks for connection failures finds it.
 */
public class NotSentException extends ConnectException {
  private static final long serialVersionUID = 1L;

  public NotSentException(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }
}
