package dev.wxpay.runtime.internal.crypto;

import java.util.Random;

/** The hostile DER of {@link CryptoFuzzTest}, for fuzz targets in other packages. */
public final class CryptoFuzzTestAccess {
  private CryptoFuzzTestAccess() {}

  public static byte[] hostileDer(Random random) {
    return CryptoFuzzTest.hostileDer(random);
  }

  public static byte[] nested(int depth, byte[] inner) {
    return CryptoFuzzTest.nested(depth, inner);
  }
}
