package dev.wxpay.runtime.internal.crypto;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Locale;

/** Certificate serial numbers in the form WeChat Pay's {@code serial_no} and {@code Wechatpay-Serial} use. */
public final class CertificateSerials {
  private CertificateSerials() {}

  /**
   * Upper-case hex of the certificate's serial number, left-padded with {@code 0} to an even number of
   * digits so whole bytes are shown: serial {@code 0x0A1B} gives {@code 0A1B}, not {@code A1B}. A serial
   * whose top bit is set gets no {@code 00} sign byte: {@code 0x8F01} gives {@code 8F01}.
   *
   * @throws IllegalArgumentException if the serial number is negative (RFC 5280 requires it positive)
   */
  public static String serialNo(X509Certificate certificate) {
    BigInteger serial = certificate.getSerialNumber();
    if (serial.signum() < 0) {
      throw new IllegalArgumentException("the certificate serial number is negative");
    }
    String hex = serial.toString(16).toUpperCase(Locale.ROOT);
    return hex.length() % 2 == 0 ? hex : "0" + hex;
  }
}
