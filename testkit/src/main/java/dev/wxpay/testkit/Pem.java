package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Writes keys and certificates as PEM text, the form merchants usually configure them in. */
final class Pem {
  private Pem() {}

  /** Returns the DER bytes between {@code -----BEGIN type-----} and {@code -----END type-----} lines of 64. */
  static String encode(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  /**
   * The key's standard encoding (PKCS#8 or SPKI) as PEM of this type.
   *
   * @throws IllegalStateException if the key has no encoding, as a key held in hardware may not
   */
  static String encode(String type, Key key, String what) {
    byte[] der = key.getEncoded();
    if (der == null) {
      throw new IllegalStateException("the " + what + " cannot be exported as PEM");
    }
    return encode(type, der);
  }

  /** The certificate as {@code -----BEGIN CERTIFICATE-----} PEM. */
  static String encode(X509Certificate certificate) {
    try {
      return encode("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode a platform certificate", e);
    }
  }
}
