package dev.wxpay.runtime;

import static dev.wxpay.runtime.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import dev.wxpay.runtime.spi.Call;
import dev.wxpay.runtime.spi.Operation;
import dev.wxpay.runtime.spi.JsonAdapters;
import dev.wxpay.annotations.Host;
import dev.wxpay.annotations.rules.HeaderRules;
import java.net.URI;
import dev.wxpay.runtime.http.JdkHttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pipeline's request building and response handling, without a server. */
class PipelineTest {
  private static final long NOW = 1_700_000_000L;
  private static final String KEY_ID = "PUB_KEY_ID_0119000000012025";
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"([A-Za-z0-9]{32})\",timestamp=\"(\\d+)\","
          + "serial_no=\"SERIAL\",signature=\"([A-Za-z0-9+/=]+)\"");
  private static final String ORDER = "v3/pay/transactions/out-trade-no/{out_trade_no}";

  private static Pipeline pipeline(String base) {
    return pipeline(base, "https://apihk.mch.weixin.qq.com/");
  }

  private static Pipeline pipeline(String base, String hongKongBase) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    VerificationKeys keys = new VerificationKeys(
        new VerificationKeys.Key(KEY_ID, TestKeys.WECHATPAY.getPublic()), List.of(), clock);
    return new Pipeline(
        JdkHttpTransport.create(Duration.ofSeconds(1)),
        new RequestSigner("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate(), new SecureRandom(), null),
        new ResponseVerifier(keys, clock, null),
        keys,
        TestKeys.MERCHANT.getPrivate(),
        clock,
        Duration.ofSeconds(7),
        WechatPay.Builder.normalize("baseUri", URI.create(base)),
        WechatPay.Builder.normalize("hongKongBaseUri", URI.create(hongKongBase)),
        null,
        0,
        null,
        false,
        WechatPay.DEFAULT_MAX_ANSWER_BYTES);
  }

  private static List<String> allValues(TransportRequest request, String name) {
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < request.headerCount(); i++) {
      if (request.headerName(i).equalsIgnoreCase(name)) {
        values.add(request.headerValue(i));
      }
    }
    return values;
  }

  /** Checks the Authorization header against the message the test builds itself. */
  private static void assertSigned(TransportRequest request, String expectedUrlAndQuery, String body) {
    String header = request.header("Authorization");
    Matcher m = AUTHORIZATION.matcher(header);
    assertTrue(m.matches(), header);
    assertEquals(Long.toString(NOW), m.group(2));
    String message =
        request.method() + "\n" + expectedUrlAndQuery + "\n" + NOW + "\n" + m.group(1) + "\n" + body + "\n";
    assertTrue(TestKeys.verify(TestKeys.MERCHANT.getPublic(), utf8(message), m.group(3)), message);
  }

  @Test
  void getWithPrefixPathAndQueryIsSignedAsSent() {
    Call<String> call = Operation.of("GET", ORDER, JsonAdapters.STRING).call()
        .path("out_trade_no", "1217752501 201407033233368018/中")
        .query("mchid", "1900000001")
        .query("q", "a b&c=d")
        .build();
    Pipeline.Prepared prepared = pipeline("http://127.0.0.1:8080/prefix").prepare(call);
    TransportRequest request = prepared.request();

    String urlAndQuery = "/prefix/v3/pay/transactions/out-trade-no/1217752501%20201407033233368018%2F%E4%B8%AD"
        + "?mchid=1900000001&q=a%20b%26c%3Dd";
    assertEquals(URI.create("http://127.0.0.1:8080" + urlAndQuery), URI.create(request.url()));
    assertEquals(urlAndQuery, prepared.signedUrl());
    assertEquals(urlAndQuery, URI.create(request.url()).getRawPath() + "?" + URI.create(request.url()).getRawQuery());
    assertEquals("GET", request.method());
    assertEquals(Duration.ofSeconds(7), request.timeout());
    assertEquals(Optional.of("application/json"), Optional.ofNullable(request.header("Accept")));
    assertEquals(Optional.of(KEY_ID), Optional.ofNullable(request.header("Wechatpay-Serial")));
    assertTrue(request.header("User-Agent")
        .matches("wxpay/\\S+ \\(Java/\\S+; [^)]+\\)"), request.toString());
    assertEquals(Optional.empty(), Optional.ofNullable(request.header("Content-Type")));
    assertSigned(request, urlAndQuery, "");
  }

  @Test
  void hongKongOperationsGoToTheHongKongBaseAndSignItsPathButNotItsHost() {
    Operation<String> app = Operation.of("POST", "hk/v3/transactions/app", JsonAdapters.STRING);
    Pipeline pipeline = pipeline("https://api.mch.weixin.qq.com/", "http://127.0.0.1:8081/hk-prefix");

    Call<String> call = app.withHost(Host.HONG_KONG).call().body("x", JsonAdapters.STRING).build();
    Pipeline.Prepared prepared = pipeline.prepare(call);
    assertEquals(URI.create("http://127.0.0.1:8081/hk-prefix/hk/v3/transactions/app"), URI.create(prepared.request().url()));
    assertEquals(Host.HONG_KONG, prepared.host());
    assertSigned(prepared.request(), "/hk-prefix/hk/v3/transactions/app", "\"x\"");

    // The same operation without a host stays on the mainland base, prefix and all.
    Pipeline.Prepared mainland = pipeline.prepare(app.call().body("x", JsonAdapters.STRING).build());
    assertEquals(URI.create("https://api.mch.weixin.qq.com/hk/v3/transactions/app"), URI.create(mainland.request().url()));
    assertSigned(mainland.request(), "/hk/v3/transactions/app", "\"x\"");
  }

  @Test
  void postBodyIsSentAsUtf8JsonAndSigned() {
    Call<String> call = Operation.of("POST", "v3/echo", JsonAdapters.STRING).call()
        .body("腾讯 \"quoted\"", JsonAdapters.STRING)
        .build();
    TransportRequest request = pipeline("https://api.mch.weixin.qq.com/").prepare(call).request();
    String json = "\"腾讯 \\\"quoted\\\"\"";
    assertEquals(URI.create("https://api.mch.weixin.qq.com/v3/echo"), URI.create(request.url()));
    assertEquals(Optional.of("application/json"), Optional.ofNullable(request.header("Content-Type")));
    assertEquals(utf8(json).length, request.body().length);
    assertSigned(request, "/v3/echo", json);
  }

  @Test
  void deleteBodyIsSentAsJsonAndSigned() {
    // WeChat Pay has DELETE operations with a JSON body, e.g. DELETE v3/global/profit-sharing/receivers.
    Call<String> call = Operation.of("DELETE", "v3/global/profit-sharing/receivers", JsonAdapters.STRING).call()
        .body("86693852", JsonAdapters.STRING)
        .build();
    TransportRequest request = pipeline("https://api.mch.weixin.qq.com/").prepare(call).request();
    assertEquals("DELETE", request.method());
    assertEquals(Optional.of("application/json"), Optional.ofNullable(request.header("Content-Type")));
    assertEquals(utf8("\"86693852\"").length, request.body().length);
    assertSigned(request, "/v3/global/profit-sharing/receivers", "\"86693852\"");
  }

  @Test
  void aTrailingSlashIsSentAndSigned() {
    // The real URL of POST v3/ecommerce/applyments/ ends in '/'; without it the signature would not match.
    Call<String> call = Operation.of("POST", "v3/ecommerce/applyments/", JsonAdapters.STRING).call()
        .query("a", "1")
        .body("x", JsonAdapters.STRING)
        .build();
    Pipeline.Prepared prepared = pipeline("https://api.mch.weixin.qq.com/").prepare(call);
    assertEquals(URI.create("https://api.mch.weixin.qq.com/v3/ecommerce/applyments/?a=1"), URI.create(prepared.request().url()));
    assertEquals("/v3/ecommerce/applyments/?a=1", prepared.signedUrl());
    assertSigned(prepared.request(), "/v3/ecommerce/applyments/?a=1", "\"x\"");
  }

  @Test
  void aListQueryIsSentAndSignedWithLiteralCommas() {
    Call<String> call = Operation.of("GET", "v3/new-tax-control-fapiao/fapiaomerchant/getspinviteurl",
            JsonAdapters.STRING).call()
        .queryList("fapiao_ability_type_list", List.of("BASE_ABILITY", "REAL_ESTATE_ABILITY", "a,b"))
        .query("invite_code", "c,1")
        .build();
    Pipeline.Prepared prepared = pipeline("https://api.mch.weixin.qq.com/").prepare(call);
    String urlAndQuery = "/v3/new-tax-control-fapiao/fapiaomerchant/getspinviteurl"
        + "?fapiao_ability_type_list=BASE_ABILITY,REAL_ESTATE_ABILITY,a%2Cb&invite_code=c%2C1";
    // java.net.URI keeps the commas as they are, so what is sent is what is signed.
    assertEquals(urlAndQuery, URI.create(prepared.request().url()).getRawPath() + "?" + URI.create(prepared.request().url()).getRawQuery());
    assertEquals(urlAndQuery, prepared.signedUrl());
    assertSigned(prepared.request(), urlAndQuery, "");
  }

  @Test
  void declaredHeadersAreSentAndMayReplaceDefaults() {
    Call<String> call = Operation.of("GET", "v3/x", JsonAdapters.STRING).call()
        .header("Accept", "application/json; charset=utf-8")
        .header("Idempotency-Key", "k1")
        .build();
    TransportRequest request = pipeline("https://api.mch.weixin.qq.com/").prepare(call).request();
    assertEquals(List.of("application/json; charset=utf-8"), allValues(request, "Accept"));
    assertEquals(Optional.of("k1"), Optional.ofNullable(request.header("Idempotency-Key")));
  }

  @Test
  void headerValuesWithCrOrLfAreRejected() {
    Pipeline pipeline = pipeline("https://api.mch.weixin.qq.com/");
    for (String value : List.of("a\r\nX-Injected: 1", "a\nb", "a\rb")) {
      Call<String> call = Operation.of("GET", "v3/x", JsonAdapters.STRING).call()
          .header("X-Note", value).build();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pipeline.prepare(call));
      assertFalse(e.getMessage().contains("Injected"), e.getMessage());
    }
    Call<String> badName = Operation.of("GET", "v3/x", JsonAdapters.STRING).call()
        .header("X-A\r\nX-B", "v").build();
    assertThrows(IllegalArgumentException.class, () -> pipeline.prepare(badName));
  }

  @Test
  void everyReservedHeaderIsRejected() {
    // The processor refuses the same list at compile time: HeaderRules is the one home of both checks.
    for (String name : HeaderRules.RESERVED) {
      Call<String> call = Operation.of("GET", "v3/x", JsonAdapters.STRING).call()
          .header(name.toUpperCase(java.util.Locale.ROOT), "forged").build();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> pipeline("https://api.mch.weixin.qq.com/").prepare(call), name);
      assertTrue(e.getMessage().contains("set by the runtime"), e.getMessage());
    }
  }

  // --- response handling -------------------------------------------------------------------------

  private static Map<String, List<String>> signedHeaders(byte[] body) {
    String nonce = "n0nce";
    byte[] head = utf8(NOW + "\n" + nonce + "\n");
    byte[] message = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    message[message.length - 1] = '\n';
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", List.of(Long.toString(NOW)));
    headers.put("Wechatpay-Nonce", List.of(nonce));
    headers.put("Wechatpay-Signature", List.of(TestKeys.sign(TestKeys.WECHATPAY.getPrivate(), message)));
    headers.put("Wechatpay-Serial", List.of(KEY_ID));
    return headers;
  }

  private static <R> R handle(Call<R> call, int status, Map<String, List<String>> headers, byte[] body) {
    Pipeline pipeline = pipeline("https://api.mch.weixin.qq.com/");
    Pipeline.Prepared prepared = pipeline.prepare(call);
    return pipeline.handle(call, prepared, response(status, headers, body));
  }

  @Test
  void verifiedBodyIsDecoded() {
    byte[] body = utf8("\"中文\"");
    Call<String> call = Operation.of("GET", "v3/x", JsonAdapters.STRING).call().build();
    assertEquals("中文", handle(call, 200, signedHeaders(body), body));
  }

  @Test
  void unverifiedBodyIsNotDecoded() {
    byte[] body = utf8("\"中文\"");
    Map<String, List<String>> headers = signedHeaders(utf8("\"other\""));
    Call<String> call = Operation.of("GET", "v3/x", JsonAdapters.STRING).call().build();
    ValidationException e = assertThrows(ValidationException.class, () -> handle(call, 200, headers, body));
    assertEquals(ValidationException.Reason.BAD_SIGNATURE, e.reason());
  }

  @Test
  void emptyNoContentResponseIsVerifiedAndGivesNull() {
    Call<Void> call = Operation.withoutResponse("POST", "v3/close").call().build();
    assertNull(handle(call, 204, signedHeaders(new byte[0]), new byte[0]));
    ValidationException e = assertThrows(ValidationException.class,
        () -> handle(call, 204, Map.of(), new byte[0]));
    assertEquals(ValidationException.Reason.MISSING_HEADER, e.reason());
  }

  @Test
  void undecodableBodyNamesTheCall() {
    JsonAdapter<Integer> adapter = JsonAdapters.INTEGER;
    Call<Integer> call = Operation.of("POST", ORDER, adapter).call().path("out_trade_no", "T1").build();
    for (String json : List.of("{\"a\":", "\"text\"", "1 2")) {
      byte[] body = utf8(json);
      WechatPayException e = assertThrows(WechatPayException.class, () -> handle(call, 200, signedHeaders(body), body));
      assertTrue(e.getMessage().startsWith("could not decode response of POST /v3/pay/transactions/out-trade-no/T1: "),
          e.getMessage());
      assertTrue(e.getCause() != null);
    }
  }

  @Test
  void errorStatusGivesServiceException() {
    Map<String, List<String>> headers = Map.of("Request-ID", List.of("08F7"));
    byte[] body = utf8("{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}");
    Call<String> call = Operation.of("GET", "v3/x", JsonAdapters.STRING).call().build();
    ServiceException e = assertThrows(ServiceException.class, () -> handle(call, 404, headers, body));
    assertEquals(404, e.statusCode());
    assertEquals("ORDER_NOT_EXIST", e.code());
    assertEquals("08F7", e.requestId());
    assertEquals("HTTP 404 ORDER_NOT_EXIST: 订单不存在 (Request-ID 08F7)", e.getMessage());
  }

  /** A response as a transport hands it over; header names compared case-insensitively, as HTTP does. */
  private static TransportResponse response(int status, Map<String, List<String>> headers, byte[] body) {
    return TransportResponse.of(status, name -> headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null),
        body);
  }
}
