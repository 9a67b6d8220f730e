package dev.wxpay.runtime;

/**
 * The request could not be sent or the response could not be read: an I/O failure, a timeout or an
 * interrupt. The cause is kept. The request may or may not have reached WeChat Pay, so retry only
 * idempotent calls (or calls with the same {@code out_*_no}).
 */
public final class TransportException extends WechatPayException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
