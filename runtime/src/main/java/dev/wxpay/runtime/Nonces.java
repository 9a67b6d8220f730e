package dev.wxpay.runtime;

import java.security.SecureRandom;

/**
 * The one way nonces are made: 32 characters from {@code [A-Za-z0-9]}, the form WeChat Pay documents for
 * {@code nonce_str} and {@code nonceStr}, used for request signatures, payment-page signatures and
 * multipart boundaries.
 */
final class Nonces {
  private static final char[] CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int LENGTH = 32;

  private Nonces() {}

  /** A fresh nonce; SecureRandom is thread-safe, so callers share theirs. */
  static String next(SecureRandom random) {
    char[] out = new char[LENGTH];
    for (int i = 0; i < out.length; i++) {
      out[i] = CHARS[random.nextInt(CHARS.length)];
    }
    return new String(out);
  }
}
