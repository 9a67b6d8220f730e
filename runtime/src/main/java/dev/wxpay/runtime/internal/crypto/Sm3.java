package dev.wxpay.runtime.internal.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;

/** The SM3 hash (GB/T 32905-2016), 256 bits. */
public final class Sm3 {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sm3() {}

  /** The 32-byte SM3 digest of {@code data}. */
  public static byte[] digest(byte[] data) {
    // Bouncy Castle's lightweight digest: no provider lookup, and a fresh instance per call.
    SM3Digest digest = new SM3Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  /** Lower-case hex of {@code bytes}, two digits per byte. */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
