package dev.wxpay.runtime.internal.crypto;

import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;

/**
 * A ciphertext that does not decrypt, or names an algorithm this library does not have. Checked on
 * purpose: every caller in the main package must turn it into the {@code ValidationException} users
 * see, and this package stays free of the main package. The message holds no key, ciphertext or
 * plaintext.
 */
public final class DecryptionException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  private final boolean unsupportedAlgorithm;

  private DecryptionException(String message, @Nullable Throwable cause, boolean unsupportedAlgorithm) {
    super(message, cause);
    this.unsupportedAlgorithm = unsupportedAlgorithm;
  }

  /** The ciphertext is malformed or its check failed (wrong key, nonce or data, altered bytes). */
  static DecryptionException failed(String message, @Nullable Throwable cause) {
    return new DecryptionException(message, cause, false);
  }

  /** The payload names an algorithm that is not supported. */
  static DecryptionException unsupportedAlgorithm(String message) {
    return new DecryptionException(message, null, true);
  }

  /** Whether the algorithm was unknown rather than the ciphertext bad. */
  public boolean unsupportedAlgorithm() {
    return unsupportedAlgorithm;
  }
}
