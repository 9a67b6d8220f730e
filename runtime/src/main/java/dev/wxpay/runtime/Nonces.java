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
  // Six random bits give 0..63; 62 and 63 are dropped so each character stays equally likely. 48 bytes
  // are almost always enough (at least 32 of them are below 62 with probability 1 - 1e-12).
  private static final int BATCH = 48;

  private Nonces() {}

  /**
   * A fresh nonce. One {@code nextBytes} call per nonce rather than one {@code nextInt} per character:
   * the platform SecureRandom takes a lock and reads the OS per call. SecureRandom is thread-safe, so
   * callers share theirs.
   */
  static String next(SecureRandom random) {
    char[] out = new char[LENGTH];
    byte[] bytes = new byte[BATCH];
    int n = 0;
    for (int batch = 0; n < LENGTH && batch < 4; batch++) {
      random.nextBytes(bytes);
      for (int i = 0; i < bytes.length && n < LENGTH; i++) {
        int bits = bytes[i] & 0x3F;
        if (bits < CHARS.length) {
          out[n++] = CHARS[bits];
        }
      }
    }
    while (n < LENGTH) {
      // Only a broken generator gets here (e.g. one that returns constant bytes). nextInt(62) would reject
      // its values forever; a remainder of 31 bits is biased by under 1e-7, and ends.
      out[n++] = CHARS[(random.nextInt() >>> 1) % CHARS.length];
    }
    return new String(out);
  }
}
