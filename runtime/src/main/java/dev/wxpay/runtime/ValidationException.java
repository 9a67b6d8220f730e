package dev.wxpay.runtime;

import dev.wxpay.runtime.internal.crypto.DecryptionException;
import org.jspecify.annotations.Nullable;

/**
 * A 2xx response or a notification failed verification: a {@code Wechatpay-*} header is missing or
 * malformed, its timestamp is too far from the local clock, it names an unknown key, its signature does
 * not match, or an encrypted part does not decrypt. It must not be trusted; the message says which check
 * failed and never contains key material or decrypted data.
 */
public class ValidationException extends WechatPayException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. More reasons may be added in later versions. */
  public enum Reason {
    /** A required {@code Wechatpay-*} header is missing or empty. */
    MISSING_HEADER,
    /** A {@code Wechatpay-*} header is present but cannot be read, e.g. a timestamp that is no number. */
    MALFORMED_HEADER,
    /** {@code Wechatpay-Timestamp} is more than 300 seconds away from the local clock. */
    TIMESTAMP_SKEW,
    /** {@code Wechatpay-Serial} names neither the WeChat Pay public key nor a known certificate. */
    UNKNOWN_SERIAL,
    /** The signature does not match the response, or is not Base64. */
    BAD_SIGNATURE,
    /**
     * The signature is one of WeChat Pay's {@code WECHATPAY/SIGNTEST/} probes, which check that a
     * merchant really verifies; it never verifies. See {@link SignatureProbeException}.
     */
    SIGNATURE_PROBE,
    /** {@code Wechatpay-Signature-Type} names an algorithm this library does not verify. */
    UNSUPPORTED_ALGORITHM,
    /**
     * A ciphertext did not decrypt: its authentication tag did not match (wrong key, nonce or associated
     * data, or altered bytes), or it was not well-formed (not Base64, too short, wrong structure).
     */
    DECRYPTION_FAILED,
    /** An unsigned download does not match the hash its signed request returned. */
    HASH_MISMATCH,
  }

  private final Reason reason;

  public ValidationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ValidationException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** What users see of a payload that did not decrypt: the crypto's message and cause, kept as they are. */
  static ValidationException of(DecryptionException failure) {
    return new ValidationException(
        failure.unsupportedAlgorithm() ? Reason.UNSUPPORTED_ALGORITHM : Reason.DECRYPTION_FAILED,
        failure.getMessage(), failure.getCause());
  }

  /** Which check failed. */
  public Reason reason() {
    return reason;
  }
}
