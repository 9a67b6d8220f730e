package dev.wxpay.runtime;

/**
 * A response or notification carried one of WeChat Pay's signature probes ({@code Wechatpay-Signature}
 * starting with {@code WECHATPAY/SIGNTEST/}). WeChat Pay sends them to check that merchants really verify
 * signatures; a callback handler should answer them with an error status, as for any bad signature.
 */
public final class SignatureProbeException extends ValidationException {
  private static final long serialVersionUID = 1L;

  public SignatureProbeException(String message) {
    super(Reason.SIGNATURE_PROBE, message);
  }
}
