package dev.wxpay.testkit;

import static dev.wxpay.testkit.WireAssertions.assertSignedBy;
import static dev.wxpay.testkit.WireAssertions.bodyOf;
import static dev.wxpay.testkit.WireAssertions.header;
import static dev.wxpay.testkit.WireAssertions.verifies;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault changes exactly what it says, and nothing else. */
class StubResponseTest {
  private static final long NOW = 1_700_000_000L;
  private static final String PATH = "/v3/pay/transactions/out-trade-no/1217752501201407033233368018";
  private static final String BODY = "{\"trade_state\":\"SUCCESS\"}";

  // A fixed clock makes the timestamps of responses exact.
  private static WechatPaySandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = TestKeys.sandbox().clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).start();
  }

  @AfterAll
  static void closeSandbox() {
    sandbox.close();
  }

  private static HttpResponse<byte[]> fetch(StubResponse stub) throws Exception {
    sandbox.stub("GET", PATH, stub);
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get(PATH).timestamp(NOW).send();
    assertTrue(sandbox.lastRequest().signatureValid(), sandbox.lastRequest().rejection());
    return response;
  }

  private static boolean signatureVerifiesOver(HttpResponse<byte[]> response, byte[] body) {
    return verifies(sandbox.wechatpayPublicKey(), header(response, "Wechatpay-Signature"),
        header(response, "Wechatpay-Timestamp"), header(response, "Wechatpay-Nonce"), body);
  }

  @Test
  void anUntouchedResponseIsSignedNowWithFreshNonces() throws Exception {
    HttpResponse<byte[]> first = fetch(StubResponse.json(BODY));
    HttpResponse<byte[]> second = fetch(StubResponse.json(BODY));
    assertEquals(BODY, bodyOf(first));
    assertSignedBy(sandbox, first);
    assertEquals(Long.toString(NOW), header(first, "Wechatpay-Timestamp"));
    assertTrue(header(first, "Wechatpay-Nonce").matches("[0-9A-F]{32}"));
    assertNotEquals(header(first, "Wechatpay-Nonce"), header(second, "Wechatpay-Nonce"));
    assertNotEquals(header(first, "Request-ID"), header(second, "Request-ID"));
  }

  @Test
  void tamperSignatureSignsOtherBytesAndKeepsTheBody() throws Exception {
    HttpResponse<byte[]> response = fetch(StubResponse.json(BODY).tamperSignature());
    assertEquals(200, response.statusCode());
    assertEquals(BODY, bodyOf(response));
    assertEquals(Long.toString(NOW), header(response, "Wechatpay-Timestamp"));
    assertEquals(sandbox.wechatpayPublicKeyId(), header(response, "Wechatpay-Serial"));
    assertFalse(signatureVerifiesOver(response, response.body()));
    // Still a genuine WeChat Pay signature, just over something else.
    assertTrue(signatureVerifiesOver(response, (BODY + " ").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void tamperBodySignsTheStubbedBodyAndSendsAnother() throws Exception {
    HttpResponse<byte[]> response = fetch(StubResponse.json(BODY).tamperBody());
    assertEquals("{\"tampered\":true,\"trade_state\":\"SUCCESS\"}", bodyOf(response));
    assertTrue(signatureVerifiesOver(response, BODY.getBytes(StandardCharsets.UTF_8)));
    assertFalse(signatureVerifiesOver(response, response.body()));

    assertEquals("{\"tampered\":true}", bodyOf(fetch(StubResponse.json("{}").tamperBody())));
    HttpResponse<byte[]> text = fetch(StubResponse.raw(200, "text/plain", new byte[] {'o', 'k'}).tamperBody());
    assertEquals("ok ", bodyOf(text));
    assertTrue(signatureVerifiesOver(text, new byte[] {'o', 'k'}));
  }

  @Test
  void bothTampersLeaveNothingThatVerifies() throws Exception {
    HttpResponse<byte[]> response = fetch(StubResponse.json(BODY).tamperBody().tamperSignature());
    assertNotEquals(BODY, bodyOf(response));
    assertFalse(signatureVerifiesOver(response, response.body()));
  }

  @Test
  void skewTimestampMovesTheSignedTimestamp() throws Exception {
    HttpResponse<byte[]> old = fetch(StubResponse.json(BODY).skewTimestamp(Duration.ofMinutes(-10)));
    assertEquals(Long.toString(NOW - 600), header(old, "Wechatpay-Timestamp"));
    assertSignedBy(sandbox, old);
    assertEquals(BODY, bodyOf(old));
    HttpResponse<byte[]> ahead = fetch(StubResponse.json(BODY).skewTimestamp(Duration.ofSeconds(301)));
    assertEquals(Long.toString(NOW + 301), header(ahead, "Wechatpay-Timestamp"));
    assertSignedBy(sandbox, ahead);
  }

  @Test
  void serialSendsAnotherWechatpaySerial() throws Exception {
    HttpResponse<byte[]> response = fetch(StubResponse.json(BODY).serial("PUB_KEY_ID_0000000000000000000000"));
    assertEquals("PUB_KEY_ID_0000000000000000000000", header(response, "Wechatpay-Serial"));
    assertTrue(signatureVerifiesOver(response, response.body()));
    assertEquals(BODY, bodyOf(response));
  }

  @Test
  void withoutHeaderDropsOnlyThatHeader() throws Exception {
    for (String name : StubResponse.SIGNATURE_HEADERS) {
      HttpResponse<byte[]> response = fetch(StubResponse.json(BODY).withoutHeader(name.toLowerCase()));
      assertFalse(response.headers().firstValue(name).isPresent(), name);
      for (String other : StubResponse.SIGNATURE_HEADERS) {
        if (!other.equals(name)) {
          assertTrue(response.headers().firstValue(other).isPresent(), other + " without " + name);
        }
      }
      assertEquals(BODY, bodyOf(response));
    }
    HttpResponse<byte[]> two =
        fetch(StubResponse.json(BODY).withoutHeader("Wechatpay-Nonce").withoutHeader("Wechatpay-Signature"));
    assertFalse(two.headers().firstValue("Wechatpay-Nonce").isPresent());
    assertFalse(two.headers().firstValue("Wechatpay-Signature").isPresent());
    assertThrows(IllegalArgumentException.class, () -> StubResponse.json(BODY).withoutHeader("Content-Type"));
  }

  @Test
  void signTestProbeSendsAProbeSignature() throws Exception {
    HttpResponse<byte[]> response = fetch(StubResponse.json(BODY).signTestProbe());
    String signature = header(response, "Wechatpay-Signature");
    assertTrue(signature.startsWith("WECHATPAY/SIGNTEST/"), signature);
    assertTrue(Base64.getDecoder().decode(signature.substring("WECHATPAY/SIGNTEST/".length())).length > 0);
    assertEquals(BODY, bodyOf(response));
    assertEquals(Long.toString(NOW), header(response, "Wechatpay-Timestamp"));
  }

  @Test
  void delayHoldsTheResponseBack() throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = fetch(StubResponse.json(BODY).delay(Duration.ofMillis(300)));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    assertSignedBy(sandbox, response);

    sandbox.stub("GET", PATH, StubResponse.json(BODY).delay(Duration.ofSeconds(5)));
    assertThrows(HttpTimeoutException.class,
        () -> MerchantRequest.to(sandbox).get(PATH).timestamp(NOW).timeout(Duration.ofMillis(200)).send());
  }

  @Test
  void faultsReturnNewInstancesAndLeaveTheOriginalAlone() throws Exception {
    StubResponse plain = StubResponse.json(201, BODY);
    StubResponse faulty = plain.tamperSignature().tamperBody().skewTimestamp(Duration.ofSeconds(9))
        .serial("X").withoutHeader("Request-ID").signTestProbe().delay(Duration.ofMillis(1));
    assertEquals("StubResponse[201, application/json, 25 bytes]", plain.toString());
    assertEquals("StubResponse[201, application/json, 25 bytes, tamperSignature, tamperBody, signTestProbe, "
        + "skewTimestamp PT9S, serial X, without Request-ID, delay PT0.001S]", faulty.toString());
    assertEquals(201, faulty.status());
    assertEquals(BODY, faulty.bodyAsString());

    HttpResponse<byte[]> response = fetch(plain);
    assertEquals(201, response.statusCode());
    assertSignedBy(sandbox, response);
  }

  @Test
  void factoriesBuildWhatTheySay() {
    StubResponse error = StubResponse.error(400, "PARAM_ERROR", "out_trade_no\t\"bad\"\u0001");
    assertEquals(400, error.status());
    assertEquals("application/json", error.contentType());
    assertEquals("{\"code\":\"PARAM_ERROR\",\"message\":\"out_trade_no\\t\\\"bad\\\"\\u0001\"}", error.bodyAsString());
    assertEquals(200, StubResponse.json("{}").status());
    assertEquals(204, StubResponse.noContent().status());
    assertEquals(null, StubResponse.noContent().contentType());
    assertEquals(0, StubResponse.noContent().body().length);

    byte[] bytes = {1, 2, 3};
    StubResponse raw = StubResponse.raw(200, "application/octet-stream", bytes);
    bytes[0] = 9;
    raw.body()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, raw.body());

    assertThrows(IllegalArgumentException.class, () -> StubResponse.json(204, "{}"));
    assertThrows(IllegalArgumentException.class, () -> StubResponse.json(101, "{}"));
    assertThrows(IllegalArgumentException.class, () -> StubResponse.json(600, "{}"));
    assertThrows(IllegalStateException.class, () -> StubResponse.noContent().tamperBody());
    assertThrows(IllegalArgumentException.class, () -> StubResponse.noContent().delay(Duration.ofMillis(-1)));
  }
}
