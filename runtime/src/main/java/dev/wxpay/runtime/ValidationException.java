package dev.wxpay.runtime;

/**
 * A 2xx response failed verification: a {@code Wechatpay-*} header is missing or malformed, its
 * timestamp is too far from the local clock, it names an unknown key, or its signature does not match.
 * The response must not be trusted; the message says which check failed and never contains key material.
 */
public final class ValidationException extends WechatPayException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. More reasons may be added in later versions. */
  public enum Reason {
    /** A required {@code Wechatpay-*} header is missing or empty. */
    MISSING_HEADER,
    /** A {@code Wechatpay-*} header is present but cannot be read, e.g. a timestamp that is no number. */
    MALFORMED_HEADER,
    /** {@code Wechatpay-Timestamp} is more than 300 seconds away from the local clock. */
    TIMESTAMP_SKEW,
    /** {@code Wechatpay-Serial} is not the configured WeChat Pay public key id. */
    UNKNOWN_SERIAL,
    /** The signature does not match the response, is not Base64, or is a signature probe. */
    BAD_SIGNATURE,
    /** {@code Wechatpay-Signature-Type} names an algorithm this library does not verify. */
    UNSUPPORTED_ALGORITHM,
    /**
     * A ciphertext did not decrypt: its authentication tag did not match (wrong key, nonce or associated
     * data, or altered bytes), or it was not well-formed (not Base64, too short, wrong structure).
     */
    DECRYPTION_FAILED,
  }

  private final Reason reason;

  public ValidationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Which check failed. */
  public Reason reason() {
    return reason;
  }
}
