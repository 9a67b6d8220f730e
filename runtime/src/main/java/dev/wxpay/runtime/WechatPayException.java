package dev.wxpay.runtime;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception a WeChat Pay call throws once the request has been described: a service
 * error ({@link ServiceException}), a response that failed verification ({@link ValidationException}), a
 * transport failure ({@link TransportException}) or a verified response that could not be decoded.
 *
 * <p>Messages never contain key material or decrypted payloads.
 */
public class WechatPayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WechatPayException(String message) {
    super(message);
  }

  public WechatPayException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
