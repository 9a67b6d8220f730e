package dev.wxpay.runtime.internal.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;

/** The SM3 hash (GB/T 32905-2016), 256 bits. */
public final class Sm3 {
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
}
