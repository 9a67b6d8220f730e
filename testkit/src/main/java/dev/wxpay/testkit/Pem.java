package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes keys as PEM text, the form merchants usually configure them in. */
final class Pem {
  private Pem() {}

  /** Returns the DER bytes between {@code -----BEGIN type-----} and {@code -----END type-----} lines of 64. */
  static String encode(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }
}
