package dev.wxpay.testkit;

import static dev.wxpay.testkit.WireAssertions.assertError;
import static dev.wxpay.testkit.WireAssertions.assertSignedBy;
import static dev.wxpay.testkit.WireAssertions.bodyOf;
import static dev.wxpay.testkit.WireAssertions.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WechatPaySandboxTest {
  private static final String RESTART = "/v3/marketing/favor/stocks/9856000/restart";
  private static final String BODY = "{\"stock_creator_mchid\":\"8956000\"}";

  // Package-private: the HTTPS subclass starts its own.
  static WechatPaySandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = TestKeys.sandbox().start();
  }

  @AfterAll
  static void closeSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.clearStubs();
    sandbox.clear();
  }

  @Test
  void answersASignedPostFromItsStubAndSignsTheResponse() throws Exception {
    String answer = "{\"stock_id\":\"9856000\",\"restart_time\":\"2015-05-20T13:29:35.120+08:00\"}";
    sandbox.stub("POST", RESTART, StubResponse.json(answer));

    MerchantRequest request = MerchantRequest.to(sandbox).post(RESTART + "?a=1&b=%E4%B8%AD", BODY);
    HttpResponse<byte[]> response = request.send();

    assertEquals(200, response.statusCode(), bodyOf(response));
    assertEquals(answer, bodyOf(response));
    assertEquals("application/json", header(response, "Content-Type"));
    assertSignedBy(sandbox, response);

    RecordedRequest recorded = sandbox.lastRequest();
    assertEquals("POST", recorded.method());
    assertEquals(RESTART, recorded.rawPath());
    assertEquals("a=1&b=%E4%B8%AD", recorded.rawQuery());
    assertEquals(RESTART + "?a=1&b=%E4%B8%AD", recorded.uri());
    assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), recorded.body());
    assertEquals(BODY, recorded.bodyAsString());
    assertEquals("application/json", recorded.header("content-TYPE"));
    assertNull(recorded.header("X-Absent"));
    assertEquals(sandbox.mchid(), recorded.authorization().get("mchid"));
    assertEquals(request.signature(), recorded.authorization().get("signature"));
    assertTrue(recorded.signatureValid());
    assertNull(recorded.rejection());
    assertEquals(List.of(recorded), sandbox.requests());
  }

  @Test
  void keepsPercentEncodingOfThePathAsReceived() throws Exception {
    sandbox.stub("GET", "/v3/merchant/media/a%2Fb", StubResponse.json("{}"));
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get("/v3/merchant/media/a%2Fb").send();
    assertEquals(200, response.statusCode(), bodyOf(response));
    assertEquals("/v3/merchant/media/a%2Fb", sandbox.lastRequest().rawPath());
    assertNull(sandbox.lastRequest().rawQuery());
    assertEquals(0, sandbox.lastRequest().body().length);
  }

  static Stream<Arguments> rejections() {
    return Stream.of(
        rejection("wrong scheme", r -> r.scheme("WECHATPAY2-SHA256-RSA"), "the Authorization scheme is"),
        rejection("no scheme", r -> r.scheme(""), "the Authorization scheme is"),
        rejection("unquoted value", r -> r.authorization(r.computedAuthorization().replace(
            "mchid=\"" + sandbox.mchid() + "\"", "mchid=" + sandbox.mchid())), "must be in double quotes"),
        rejection("missing signature", r -> r.authorization(
            r.computedAuthorization().replaceAll(",signature=\"[^\"]*\"", "")), "missing key signature"),
        rejection("duplicate nonce_str", r -> r.authorization(r.computedAuthorization() + ",nonce_str=\"X\""),
            "duplicate key nonce_str"),
        rejection("no Authorization", r -> r.authorization(""), "the Authorization scheme is"),
        rejection("signature over a different body", r -> r.signedBody("{\"stock_creator_mchid\":\"8956001\"}"),
            "signature does not verify"),
        rejection("wrong mchid", r -> r.mchid("1900000002"), "is not the sandbox merchant"),
        rejection("wrong serial_no", r -> r.serialNo("0000000000000000000000000000000000000000"),
            "is not the merchant certificate serial"),
        rejection("empty nonce_str", r -> r.nonce(""), "nonce_str is empty"),
        rejection("timestamp 301 s old", r -> r.timestamp(Instant.now().getEpochSecond() - 301),
            "s behind the sandbox clock"),
        // 302, not 301: a second may tick between signing here and checking there (the exact boundary is
        // checked with a fixed clock in checksTimestampsAgainstItsOwnClock).
        rejection("timestamp 302 s ahead", r -> r.timestamp(Instant.now().getEpochSecond() + 302),
            "s ahead of the sandbox clock"),
        rejection("signature by a different key", r -> r.key(TestKeys.STRANGER.getPrivate()),
            "signature does not verify"),
        rejection("query changed after signing", r -> r.signedUri(RESTART + "?offset=0"),
            "signature does not verify"),
        rejection("query dropped after signing", r -> r.signedUri(RESTART), "signature does not verify"),
        rejection("signature over another method", r -> r.signedMethod("PUT"),
            "signature does not verify"));
  }

  private static Arguments rejection(String name, UnaryOperator<MerchantRequest> change, String message) {
    return Arguments.of(Named.of(name, change), message);
  }

  @ParameterizedTest
  @MethodSource("rejections")
  void rejectsABadSignatureWith401(UnaryOperator<MerchantRequest> change, String message) throws Exception {
    sandbox.stub("POST", RESTART, StubResponse.json("{}"));
    MerchantRequest request = change.apply(MerchantRequest.to(sandbox).post(RESTART + "?offset=10", BODY));
    HttpResponse<byte[]> response = request.send();

    assertError(response, 401, "SIGN_ERROR", message);
    assertSignedBy(sandbox, response);
    RecordedRequest recorded = sandbox.lastRequest();
    assertFalse(recorded.signatureValid());
    assertTrue(recorded.rejection() != null && recorded.rejection().contains(message), recorded.rejection());
    assertEquals(BODY, recorded.bodyAsString());
  }

  @Test
  void theUnchangedRequestOfTheRejectionTestsPasses() throws Exception {
    sandbox.stub("POST", RESTART, StubResponse.json("{}"));
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).post(RESTART + "?offset=10", BODY).send();
    assertEquals(200, response.statusCode(), bodyOf(response));
  }

  @Test
  void checksTimestampsAgainstItsOwnClock() throws Exception {
    long now = 1_700_000_000L;
    try (WechatPaySandbox fixed =
        TestKeys.sandbox().clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).start()) {
      assertEquals(Instant.ofEpochSecond(now), fixed.clock().instant());
      fixed.stub("GET", "/v3/t", StubResponse.json("{}"));
      for (long skew : new long[] {-299, 299, -300, 300}) {
        HttpResponse<byte[]> response = MerchantRequest.to(fixed).get("/v3/t").timestamp(now + skew).send();
        assertEquals(200, response.statusCode(), "skew " + skew + ": " + bodyOf(response));
        assertEquals(Long.toString(now), header(response, "Wechatpay-Timestamp"));
      }
      for (long skew : new long[] {-301, 301}) {
        HttpResponse<byte[]> response = MerchantRequest.to(fixed).get("/v3/t").timestamp(now + skew).send();
        assertError(response, 401, "SIGN_ERROR", "301 s");
        assertSignedBy(fixed, response);
      }
    }
  }

  @Test
  void answersAnUnstubbedPathWith404() throws Exception {
    sandbox.stub("POST", "/v3/nothing", StubResponse.json("{}"));
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get("/v3/nothing?x=1").send();
    assertError(response, 404, "NOT_FOUND", "no stub for GET /v3/nothing\"");
    assertSignedBy(sandbox, response);
    assertTrue(sandbox.lastRequest().signatureValid());
    assertEquals("no stub for GET /v3/nothing", sandbox.lastRequest().rejection());
  }

  @Test
  void ignoresTheQueryWhenMatchingAndLetsLaterStubsWin() throws Exception {
    sandbox.stub("GET", "/v3/pay/transactions/id/42", StubResponse.json("{\"v\":1}"));
    sandbox.stub("get", "/v3/pay/transactions/id/42", StubResponse.json("{\"v\":2}"));
    HttpResponse<byte[]> response =
        MerchantRequest.to(sandbox).get("/v3/pay/transactions/id/42?mchid=1900000001").send();
    assertEquals(200, response.statusCode());
    assertEquals("{\"v\":2}", bodyOf(response));
  }

  @Test
  void sendsErrorStubs() throws Exception {
    sandbox.stub("POST", RESTART, StubResponse.error(403, "NOT_ENOUGH", "余额不足 \"now\""));
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).post(RESTART, BODY).send();
    assertEquals(403, response.statusCode());
    assertEquals("{\"code\":\"NOT_ENOUGH\",\"message\":\"余额不足 \\\"now\\\"\"}", bodyOf(response));
    assertSignedBy(sandbox, response);
    assertNull(sandbox.lastRequest().rejection());
  }

  @Test
  void sendsNoContentSignedOverAnEmptyBody() throws Exception {
    sandbox.stub("POST", RESTART, StubResponse.noContent());
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).post(RESTART, BODY).send();
    assertEquals(204, response.statusCode());
    assertEquals(0, response.body().length);
    assertFalse(response.headers().firstValue("Content-Type").isPresent());
    assertSignedBy(sandbox, response);
  }

  @Test
  void sendsRawBodies() throws Exception {
    byte[] csv = "交易时间,公众账号ID\n`2024-01-01,`wx1\n".getBytes(StandardCharsets.UTF_8);
    sandbox.stub("GET", "/v3/billdownload/file", StubResponse.raw(200, "text/plain;charset=utf-8", csv));
    sandbox.stub("GET", "/v3/empty", StubResponse.raw(200, null, new byte[0]));
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get("/v3/billdownload/file?token=x").send();
    assertArrayEquals(csv, response.body());
    assertEquals("text/plain;charset=utf-8", header(response, "Content-Type"));
    assertSignedBy(sandbox, response);
    HttpResponse<byte[]> empty = MerchantRequest.to(sandbox).get("/v3/empty").send();
    assertEquals(200, empty.statusCode());
    assertEquals(0, empty.body().length);
    assertSignedBy(sandbox, empty);
  }

  @Test
  void verifiesTheBodyOfASignedDelete() throws Exception {
    String receivers = "/v3/global/profit-sharing/receivers";
    String receiver = "{\"type\":\"MERCHANT_ID\",\"account\":\"86693852\"}";
    sandbox.stub("DELETE", receivers, StubResponse.noContent());

    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).post(receivers, receiver).method("DELETE").send();

    assertEquals(204, response.statusCode(), bodyOf(response));
    RecordedRequest recorded = sandbox.lastRequest();
    assertEquals("DELETE", recorded.method());
    assertEquals(receiver, recorded.bodyAsString());
    assertTrue(recorded.signatureValid(), recorded.rejection());

    HttpResponse<byte[]> unsignedBody = MerchantRequest.to(sandbox).post(receivers, receiver).method("DELETE")
        .signedBody("").send();
    assertEquals(401, unsignedBody.statusCode());
    assertTrue(sandbox.lastRequest().rejection().startsWith("signature does not verify"),
        sandbox.lastRequest().rejection());
  }

  @Test
  void keepsATrailingSlashInThePathAndItsSignature() throws Exception {
    // POST v3/applyment4sub/applyment/ really ends in '/'.
    String applyment = "/v3/applyment4sub/applyment/";
    sandbox.stub("POST", applyment, StubResponse.json("{\"applyment_id\":2000002124775691}"));

    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).post(applyment, "{}").send();

    assertEquals(200, response.statusCode(), bodyOf(response));
    assertEquals(applyment, sandbox.lastRequest().uri());
    assertTrue(sandbox.lastRequest().signatureValid(), sandbox.lastRequest().rejection());
    HttpResponse<byte[]> signedWithoutSlash = MerchantRequest.to(sandbox).post(applyment, "{}")
        .signedUri("/v3/applyment4sub/applyment").send();
    assertEquals(401, signedWithoutSlash.statusCode());
    assertEquals(404, MerchantRequest.to(sandbox).post("/v3/applyment4sub/applyment", "{}").send().statusCode(),
        "the slash is part of the path a stub matches");
  }

  @Test
  void functionStubsSeeTheRecordedRequest() throws Exception {
    sandbox.stub("POST", RESTART, request -> StubResponse.json(201,
        "{\"echo\":" + request.bodyAsString() + ",\"query\":\"" + request.rawQuery() + "\"}"));
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).post(RESTART + "?q=7", BODY).send();
    assertEquals(201, response.statusCode());
    assertEquals("{\"echo\":" + BODY + ",\"query\":\"q=7\"}", bodyOf(response));
    assertSignedBy(sandbox, response);
  }

  @Test
  void aThrowingFunctionStubAnswers500() throws Exception {
    sandbox.stub("GET", "/v3/boom", request -> {
      throw new IllegalStateException("kaput");
    });
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get("/v3/boom").send();
    assertError(response, 500, "SYSTEM_ERROR",
        "the stub for GET /v3/boom threw java.lang.IllegalStateException: kaput");
    assertSignedBy(sandbox, response);
  }

  @Test
  void checksTheWechatpaySerialRequestHeader() throws Exception {
    sandbox.stub("POST", RESTART, StubResponse.json("{}"));
    HttpResponse<byte[]> wrong =
        MerchantRequest.to(sandbox).post(RESTART, BODY).header("Wechatpay-Serial", "PUB_KEY_ID_0").send();
    assertError(wrong, 400, "PARAM_ERROR", "Wechatpay-Serial \\\"PUB_KEY_ID_0\\\" is not the WeChat Pay public key id");
    assertSignedBy(sandbox, wrong);
    assertTrue(sandbox.lastRequest().signatureValid());
    assertTrue(sandbox.lastRequest().rejection() != null);

    HttpResponse<byte[]> right = MerchantRequest.to(sandbox).post(RESTART, BODY)
        .header("Wechatpay-Serial", sandbox.wechatpayPublicKeyId()).send();
    assertEquals(200, right.statusCode(), bodyOf(right));
  }

  @Test
  void requiresJsonContentTypeForABody() throws Exception {
    sandbox.stub("POST", RESTART, StubResponse.json("{}"));
    HttpResponse<byte[]> none = MerchantRequest.to(sandbox).post(RESTART, BODY).contentType(null).send();
    assertError(none, 400, "PARAM_ERROR", "must have Content-Type application/json, was none");
    HttpResponse<byte[]> text = MerchantRequest.to(sandbox).post(RESTART, BODY).contentType("text/plain").send();
    assertError(text, 400, "PARAM_ERROR", "was \\\"text/plain\\\"");
    HttpResponse<byte[]> charset =
        MerchantRequest.to(sandbox).post(RESTART, BODY).contentType("application/json; charset=utf-8").send();
    assertEquals(200, charset.statusCode(), bodyOf(charset));
    // No body, no Content-Type needed.
    sandbox.stub("GET", RESTART, StubResponse.json("{}"));
    assertEquals(200, MerchantRequest.to(sandbox).get(RESTART).send().statusCode());
  }

  @Test
  void recordsTakesAndClearsRequests() throws Exception {
    sandbox.stub("GET", "/v3/a", StubResponse.json("{}"));
    MerchantRequest.to(sandbox).get("/v3/a?n=1").send();
    MerchantRequest.to(sandbox).get("/v3/b").send();
    MerchantRequest.to(sandbox).get("/v3/a?n=3").authorization("nope").send();

    List<RecordedRequest> requests = sandbox.requests();
    assertEquals(List.of("/v3/a?n=1", "/v3/b", "/v3/a?n=3"), requests.stream().map(RecordedRequest::uri).toList());
    assertEquals(List.of(true, true, false), requests.stream().map(RecordedRequest::signatureValid).toList());
    assertEquals(Map.of(), requests.get(2).authorization());
    assertThrows(UnsupportedOperationException.class, () -> requests.clear());
    assertEquals("/v3/a?n=3", sandbox.lastRequest().uri());

    assertEquals(requests, sandbox.takeRequests());
    assertEquals(List.of(), sandbox.requests());
    assertThrows(IllegalStateException.class, sandbox::lastRequest);

    MerchantRequest.to(sandbox).get("/v3/a").send();
    assertEquals(1, sandbox.requests().size());
    sandbox.clear();
    assertEquals(List.of(), sandbox.requests());
    assertEquals(3, requests.size(), "a snapshot does not change");
  }

  @Test
  void recordedRequestsAreImmutable() throws Exception {
    sandbox.stub("POST", RESTART, StubResponse.json("{}"));
    MerchantRequest.to(sandbox).post(RESTART, BODY).send();
    RecordedRequest recorded = sandbox.lastRequest();
    recorded.body()[0] = 'X';
    assertEquals(BODY, recorded.bodyAsString());
    assertThrows(UnsupportedOperationException.class, () -> recorded.headers().clear());
    assertThrows(UnsupportedOperationException.class, () -> recorded.authorization().clear());
    assertTrue(recorded.toString().startsWith("RecordedRequest[POST " + RESTART + ", "), recorded.toString());
  }

  @Test
  void startsWithFreshKeysAndWechatPayLikeIds() throws Exception {
    try (WechatPaySandbox a = WechatPaySandbox.start(); WechatPaySandbox b = WechatPaySandbox.start()) {
      assertEquals("1900000001", a.mchid());
      assertTrue(a.merchantSerialNo().matches("[0-9A-F]{40}"), a.merchantSerialNo());
      assertTrue(a.wechatpayPublicKeyId().matches("PUB_KEY_ID_[0-9]+"), a.wechatpayPublicKeyId());
      assertEquals("http://127.0.0.1:" + a.port() + "/", a.baseUri().toString());
      assertNotEquals(a.port(), b.port());
      assertNotEquals(a.merchantSerialNo(), b.merchantSerialNo());
      assertNotEquals(a.merchantPublicKey(), b.merchantPublicKey());
      assertNotEquals(a.wechatpayPublicKey(), a.merchantPublicKey());
      assertEquals(2048, ((java.security.interfaces.RSAPublicKey) a.wechatpayPublicKey()).getModulus().bitLength());

      KeyFactory rsa = KeyFactory.getInstance("RSA");
      assertEquals(a.merchantPrivateKey(),
          rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(a.merchantPrivateKeyPem(), "PRIVATE KEY"))));
      assertEquals(a.wechatpayPublicKey(),
          rsa.generatePublic(new X509EncodedKeySpec(pemBody(a.wechatpayPublicKeyPem(), "PUBLIC KEY"))));

      // Each sandbox checks against its own merchant.
      a.stub("GET", "/v3/x", StubResponse.json("{}"));
      b.stub("GET", "/v3/x", StubResponse.json("{}"));
      assertEquals(200, MerchantRequest.to(a).get("/v3/x").send().statusCode());
      assertEquals(401, MerchantRequest.to(b).get("/v3/x").key(a.merchantPrivateKey()).send().statusCode());
      assertEquals(1, a.requests().size());
      assertEquals(1, b.requests().size());
    }
  }

  private static byte[] pemBody(String pem, String type) {
    String[] lines = pem.split("\n");
    assertEquals("-----BEGIN " + type + "-----", lines[0]);
    assertEquals("-----END " + type + "-----", lines[lines.length - 1]);
    assertTrue(pem.endsWith("\n"));
    StringBuilder base64 = new StringBuilder();
    for (int i = 1; i < lines.length - 1; i++) {
      assertTrue(lines[i].length() <= 64, lines[i]);
      base64.append(lines[i]);
    }
    return Base64.getDecoder().decode(base64.toString());
  }

  @Test
  void usesWhatTheBuilderIsGiven() throws Exception {
    try (WechatPaySandbox custom = TestKeys.sandbox().mchid("1230000109").merchantSerialNo("ABC123")
        .wechatpayPublicKeyId("PUB_KEY_ID_0112300001092024").start()) {
      assertEquals("1230000109", custom.mchid());
      assertEquals(Clock.systemUTC(), custom.clock());
      assertEquals("ABC123", custom.merchantSerialNo());
      assertEquals("PUB_KEY_ID_0112300001092024", custom.wechatpayPublicKeyId());
      assertEquals(TestKeys.MERCHANT.getPrivate(), custom.merchantPrivateKey());
      assertEquals(TestKeys.MERCHANT.getPublic(), custom.merchantPublicKey());
      assertEquals(TestKeys.WECHATPAY.getPublic(), custom.wechatpayPublicKey());
      custom.stub("GET", "/v3/x", StubResponse.json("{}"));
      HttpResponse<byte[]> response = MerchantRequest.to(custom).get("/v3/x").send();
      assertEquals(200, response.statusCode(), bodyOf(response));
      assertSignedBy(custom, response);
    }
  }

  @Test
  void rejectsBadConfiguration() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> WechatPaySandbox.builder().port(65536));
    assertThrows(IllegalArgumentException.class, () -> WechatPaySandbox.builder().port(-1));
    assertThrows(IllegalArgumentException.class, () -> WechatPaySandbox.builder().mchid(""));
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    assertThrows(IllegalArgumentException.class,
        () -> WechatPaySandbox.builder().merchantKeyPair(ec.generateKeyPair()));
    assertThrows(IllegalArgumentException.class, () -> sandbox.stub("GET", "v3/x", StubResponse.noContent()));
    assertThrows(IllegalArgumentException.class, () -> sandbox.stub("GET", "/v3/x?a=1", StubResponse.noContent()));
    assertThrows(IllegalArgumentException.class, () -> sandbox.stub("", "/v3/x", StubResponse.noContent()));
  }

  @Test
  void closesOnceAndThenRefusesConnections() throws Exception {
    WechatPaySandbox closing = TestKeys.sandbox().start();
    closing.stub("GET", "/v3/x", StubResponse.json("{}"));
    assertEquals(200, MerchantRequest.to(closing).get("/v3/x").send().statusCode());
    closing.close();
    closing.close();
    assertTrue(closing.toString().endsWith(", closed]"), closing.toString());
    assertThrows(IOException.class, () -> MerchantRequest.to(closing).get("/v3/x").send());
  }
}
