package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Checks of what the sandbox sent, with the JDK alone. */
final class WireAssertions {
  private WireAssertions() {}

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name)
        .orElseThrow(() -> new AssertionError("response has no " + name + " header: " + response.headers()));
  }

  static String bodyOf(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Whether the signature verifies with the key over {@code TIMESTAMP\nNONCE\nBODY\n}. */
  static boolean verifies(PublicKey key, String signature, String timestamp, String nonce, byte[] body) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
      verifier.update(body);
      verifier.update((byte) '\n');
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether an SM3withSM2 (BC, default user id, DER) signature verifies over {@code TIMESTAMP\nNONCE\nBODY\n}. */
  static boolean verifiesSm2(PublicKey key, String signature, String timestamp, String nonce, byte[] body) {
    try {
      Signature verifier = Signature.getInstance("SM3withSM2", TestKeys.BC);
      verifier.initVerify(key);
      verifier.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
      verifier.update(body);
      verifier.update((byte) '\n');
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether the response's signature headers verify over its body with the key (RSA or SM2 by key type). */
  static boolean responseVerifies(PublicKey key, HttpResponse<byte[]> response) {
    String signature = header(response, "Wechatpay-Signature");
    String timestamp = header(response, "Wechatpay-Timestamp");
    String nonce = header(response, "Wechatpay-Nonce");
    return "RSA".equals(key.getAlgorithm()) ? verifies(key, signature, timestamp, nonce, response.body())
        : verifiesSm2(key, signature, timestamp, nonce, response.body());
  }

  /** Asserts the response carries every WeChat Pay header and its signature verifies over its body. */
  static void assertSignedBy(WechatPaySandbox sandbox, HttpResponse<byte[]> response) {
    assertNotNull(header(response, "Request-ID"));
    assertEquals(sandbox.wechatpayPublicKeyId(), header(response, "Wechatpay-Serial"));
    assertTrue(verifies(sandbox.wechatpayPublicKey(), header(response, "Wechatpay-Signature"),
        header(response, "Wechatpay-Timestamp"), header(response, "Wechatpay-Nonce"), response.body()),
        "Wechatpay-Signature does not verify");
  }

  /** Asserts a WeChat Pay error: status, JSON content type, the code, a message containing a fragment. */
  static void assertError(HttpResponse<byte[]> response, int status, String code, String messageFragment) {
    String body = bodyOf(response);
    assertEquals(status, response.statusCode(), body);
    assertEquals("application/json", header(response, "Content-Type"));
    assertTrue(body.startsWith("{\"code\":\"" + code + "\",\"message\":\""), body);
    assertTrue(body.contains(messageFragment), () -> body + " should mention " + messageFragment);
  }
}
