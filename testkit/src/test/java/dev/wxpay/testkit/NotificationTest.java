package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NotificationTest {
  private static final String RESOURCE = "{\"transaction_id\":\"4200000000\",\"trade_state\":\"SUCCESS\"}";

  private static WechatPaySandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = TestKeys.sandbox().start();
  }

  @AfterAll
  static void closeSandbox() {
    sandbox.close();
  }

  /** Verifies a notification as a merchant does, with the JDK or BC directly. */
  private static boolean verifies(PublicKey key, SandboxNotification notification) {
    Map<String, String> headers = notification.headers();
    String signature = headers.get("Wechatpay-Signature");
    String timestamp = headers.get("Wechatpay-Timestamp");
    String nonce = headers.get("Wechatpay-Nonce");
    if (signature == null || timestamp == null || nonce == null) {
      return false;
    }
    try {
      return "RSA".equals(key.getAlgorithm())
          ? WireAssertions.verifies(key, signature, timestamp, nonce, notification.body())
          : WireAssertions.verifiesSm2(key, signature, timestamp, nonce, notification.body());
    } catch (IllegalArgumentException e) {
      // Not Base64, as a sign-test probe.
      return false;
    }
  }

  private static String decryptResource(WechatPaySandbox sandbox, SandboxNotification notification)
      throws Exception {
    Map<String, Object> resource = TestJson.object(TestJson.object(notification.bodyAsString()).get("resource"));
    return TestAead.decrypt((String) resource.get("algorithm"), sandbox.apiV3Key(), (String) resource.get("nonce"),
        (String) resource.get("associated_data"), (String) resource.get("ciphertext"));
  }

  @Test
  void buildsASignedEncryptedNotification() throws Exception {
    SandboxNotification notification = sandbox.notification("TRANSACTION.SUCCESS", "支付成功", RESOURCE);
    Map<String, String> headers = notification.headers();
    assertEquals(SandboxNotification.HEADERS, List.copyOf(headers.keySet()));
    assertEquals(sandbox.wechatpayPublicKeyId(), headers.get("Wechatpay-Serial"));
    assertEquals("WECHATPAY2-SHA256-RSA2048", headers.get("Wechatpay-Signature-Type"));
    assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(headers.get("Wechatpay-Timestamp"))) < 5);
    assertTrue(verifies(sandbox.wechatpayPublicKey(), notification));

    Map<String, Object> body = TestJson.object(notification.bodyAsString());
    assertEquals("encrypt-resource", body.get("resource_type"));
    assertEquals("TRANSACTION.SUCCESS", body.get("event_type"));
    assertEquals("支付成功", body.get("summary"));
    assertEquals(36, ((String) body.get("id")).length());
    assertTrue(((String) body.get("create_time")).endsWith("+08:00"));
    OffsetDateTime.parse((String) body.get("create_time"));
    Map<String, Object> resource = TestJson.object(body.get("resource"));
    assertEquals("transaction", resource.get("original_type"));
    assertEquals("transaction", resource.get("associated_data"));
    assertEquals("AEAD_AES_256_GCM", resource.get("algorithm"));
    assertEquals(12, ((String) resource.get("nonce")).length());
    assertEquals(RESOURCE, decryptResource(sandbox, notification));

    SandboxNotification refund = sandbox.notification("REFUND.SUCCESS", "退款成功", "{}", "refund");
    assertEquals("refund", TestJson.object(TestJson.object(refund.bodyAsString()).get("resource"))
        .get("associated_data"));
    assertEquals("{}", decryptResource(sandbox, refund));
    assertThrows(UnsupportedOperationException.class, () -> headers.put("X", "Y"));
  }

  @Test
  void eachFaultBreaksExactlyWhatItSays() throws Exception {
    SandboxNotification good = sandbox.notification("TRANSACTION.SUCCESS", "支付成功", RESOURCE);
    PublicKey key = sandbox.wechatpayPublicKey();

    SandboxNotification tamperedBody = good.tamperBody();
    assertFalse(verifies(key, tamperedBody));
    assertNotEquals(good.bodyAsString(), tamperedBody.bodyAsString());
    assertTrue(tamperedBody.bodyAsString().startsWith("{\"tampered\":true,"));
    assertEquals(good.headers(), tamperedBody.headers());

    SandboxNotification tamperedSignature = good.tamperSignature();
    assertFalse(verifies(key, tamperedSignature));
    assertArrayEquals(good.body(), tamperedSignature.body());
    assertTrue(WireAssertions.verifies(key, tamperedSignature.headers().get("Wechatpay-Signature"),
        good.headers().get("Wechatpay-Timestamp"), good.headers().get("Wechatpay-Nonce"),
        (good.bodyAsString() + " ").getBytes(StandardCharsets.UTF_8)), "a genuine signature over other bytes");

    SandboxNotification skewed = good.skewTimestamp(Duration.ofSeconds(-301));
    assertTrue(verifies(key, skewed), "only the age is wrong");
    assertEquals(Long.parseLong(good.headers().get("Wechatpay-Timestamp")) - 301,
        Long.parseLong(skewed.headers().get("Wechatpay-Timestamp")));

    SandboxNotification otherSerial = good.serial("PUB_KEY_ID_0000");
    assertEquals("PUB_KEY_ID_0000", otherSerial.headers().get("Wechatpay-Serial"));
    assertTrue(verifies(key, otherSerial));

    for (String name : SandboxNotification.HEADERS) {
      SandboxNotification without = good.withoutHeader(name.toUpperCase());
      assertFalse(without.headers().containsKey(name));
      assertEquals(4, without.headers().size());
      assertArrayEquals(good.body(), without.body());
    }
    assertThrows(IllegalArgumentException.class, () -> good.withoutHeader("Content-Type"));

    SandboxNotification probe = good.signTestProbe();
    assertTrue(probe.headers().get("Wechatpay-Signature").startsWith("WECHATPAY/SIGNTEST/"));
    assertFalse(verifies(key, probe));
    assertArrayEquals(good.body(), probe.body());

    // The original is untouched, and faults add up.
    assertTrue(verifies(key, good));
    SandboxNotification both = good.tamperBody().withoutHeader("Wechatpay-Nonce");
    assertFalse(both.headers().containsKey("Wechatpay-Nonce"));
    assertTrue(both.bodyAsString().startsWith("{\"tampered\":true,"));
  }

  @Test
  void sm2AndCertificateModesSignAndEncryptTheirWay() throws Exception {
    try (WechatPaySandbox sm2 = TestKeys.sm2Sandbox().verification(SandboxVerification.CERTIFICATE).start()) {
      SandboxNotification notification = sm2.notification("TRANSACTION.SUCCESS", "支付成功", RESOURCE);
      assertEquals("WECHATPAY2-SM2-WITH-SM3", notification.headers().get("Wechatpay-Signature-Type"));
      assertEquals(sm2.platformCertificateSerial(), notification.headers().get("Wechatpay-Serial"));
      assertTrue(verifies(TestKeys.WECHATPAY_SM2.getPublic(), notification));
      assertEquals("AEAD_SM4_GCM",
          TestJson.object(TestJson.object(notification.bodyAsString()).get("resource")).get("algorithm"));
      assertEquals(RESOURCE, decryptResource(sm2, notification));
      assertFalse(verifies(TestKeys.WECHATPAY_SM2.getPublic(), notification.tamperBody()));
    }
  }

  @Test
  void postsANotificationWithItsHeaders() throws Exception {
    HttpServer merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicReference<Map<String, List<String>>> headers = new AtomicReference<>();
    AtomicReference<byte[]> body = new AtomicReference<>();
    merchant.createContext("/notify", exchange -> {
      headers.set(Map.copyOf(exchange.getRequestHeaders()));
      body.set(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    merchant.start();
    try {
      SandboxNotification notification = sandbox.notification("TRANSACTION.SUCCESS", "支付成功", RESOURCE);
      URI url = URI.create("http://127.0.0.1:" + merchant.getAddress().getPort() + "/notify");
      assertEquals(204, sandbox.postNotification(url, notification));
      assertArrayEquals(notification.body(), body.get());
      Map<String, List<String>> received = headers.get();
      assertEquals(List.of("application/json"), received.get("Content-type"));
      notification.headers().forEach((name, value) -> assertEquals(List.of(value),
          received.get(name.substring(0, 1) + name.substring(1).toLowerCase()), name));
    } finally {
      merchant.stop(0);
    }
    assertThrows(java.io.UncheckedIOException.class, () -> sandbox.postNotification(
        URI.create("http://127.0.0.1:1/notify"), sandbox.notification("A", "b", "{}")));
  }
}
