package dev.wxpay.testkit;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The random values of one sandbox: ids, nonces, tokens, keys and serials. Thread-safe, as SecureRandom is. */
final class SandboxRandom {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String DIGITS = "0123456789";
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + DIGITS;

  private final SecureRandom random;

  SandboxRandom(SecureRandom random) {
    this.random = random;
  }

  /** The generator itself, for key pairs. */
  SecureRandom secureRandom() {
    return random;
  }

  /** This many random bytes as upper-case hex, such as a {@code Request-ID} or a merchant serial. */
  String hex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HEX.formatHex(value);
  }

  /** Letters and digits, as WeChat Pay's nonces and the APIv3 key are made of. */
  String alphanumeric(int count) {
    return chars(ALPHANUMERIC, count);
  }

  String digits(int count) {
    return chars(DIGITS, count);
  }

  private String chars(String alphabet, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /**
   * A certificate serial of exactly 40 hex digits, as WeChat Pay's are: with fewer, the padded form WeChat Pay
   * writes and the unpadded one some clients send ({@code BigInteger.toString(16)}, the official Java SDK's)
   * would differ, and the sandbox would refuse such a client's {@code Wechatpay-Serial}.
   */
  BigInteger serial() {
    return new BigInteger(160, random).setBit(156).setBit(0);
  }
}
