package dev.wxpay.runtime;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception a WeChat Pay call throws once the request has been described: a service
 * error ({@link ServiceException}), a response that failed verification ({@link ValidationException}), a
 * transport failure ({@link TransportException}) or a verified response that could not be decoded.
 *
 * <p>Messages never contain key material or decrypted payloads. Some quote text the server sent (an
 * error message, a serial); control characters in them become spaces, so a message is one log line.
 */
public class WechatPayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WechatPayException(String message) {
    super(oneLine(message));
  }

  public WechatPayException(String message, @Nullable Throwable cause) {
    super(oneLine(message), cause);
  }

  /** CR, LF and other control characters from server text would forge log lines. */
  private static String oneLine(String message) {
    StringBuilder out = null;
    for (int i = 0; i < message.length(); i++) {
      if (Character.isISOControl(message.charAt(i))) {
        if (out == null) {
          out = new StringBuilder(message);
        }
        out.setCharAt(i, ' ');
      }
    }
    return out == null ? message : out.toString();
  }
}
