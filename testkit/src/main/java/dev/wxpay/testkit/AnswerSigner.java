package dev.wxpay.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WeChat Pay's signature on an answer or a notification: the private key that signs and the serial that
 * {@code Wechatpay-Serial} names (the public key id or a platform certificate serial). Shared by answers and
 * notifications so that both sign, and break signatures, the same way.
 */
record AnswerSigner(String serial, PrivateKey key, SandboxCrypto crypto) {
  private static final String SIGN_TEST_PREFIX = "WECHATPAY/SIGNTEST/";

  /** {@code TIMESTAMP\nNONCE\nBODY\n}, what WeChat Pay signs. */
  static byte[] message(String timestamp, String nonce, byte[] body) {
    ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 64);
    message.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
    message.writeBytes(body);
    message.write('\n');
    return message.toByteArray();
  }

  /**
   * The {@code Wechatpay-Signature} to send: the Base64 signature over {@code TIMESTAMP\nNONCE\nBODY\n}, or
   * one broken on purpose.
   *
   * @param tamper sign the body followed by a space, a genuine signature over other bytes
   * @param signTestProbe send {@code WECHATPAY/SIGNTEST/} and Base64 junk, like WeChat Pay's probes
   */
  String signature(String timestamp, String nonce, byte[] body, boolean tamper, boolean signTestProbe) {
    if (signTestProbe) {
      byte[] junk = new byte[256];
      ThreadLocalRandom.current().nextBytes(junk);
      return SIGN_TEST_PREFIX + Base64.getEncoder().encodeToString(junk);
    }
    return crypto.sign(key, message(timestamp, nonce, tamper ? StubResponse.withTrailingSpace(body) : body));
  }
}
