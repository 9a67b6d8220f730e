package dev.wxpay.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.endpoints.v3.marketing.favor.stocks.Restart;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartRequest;
import dev.wxpay.runtime.ServiceException;
import dev.wxpay.runtime.SignatureProbeException;
import dev.wxpay.runtime.TestKeys;
import dev.wxpay.runtime.TransportException;
import dev.wxpay.runtime.ValidationException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller sees when the sandbox misbehaves on purpose: every verification failure is a
 * {@link ValidationException} naming the failed check, error answers are {@link ServiceException}s.
 */
class SandboxFailuresTest {
  private static final String PATH = "/v3/marketing/favor/stocks/9856000/restart";
  private static final String OK = "{\"stock_id\":\"9856000\",\"restart_time\":\"2015-05-20T13:29:35+08:00\"}";
  private static final RestartRequest BODY = new RestartRequest("8956000");

  private static WechatPaySandbox sandbox;
  private static Restart restart;

  @BeforeAll
  static void start() {
    // One fixed clock for sandbox and client, so that skew boundaries are exact, not racing the second.
    sandbox = WechatPaySandbox.builder().clock(Clock.fixed(Instant.now(), ZoneOffset.UTC)).start();
    restart = sandbox.client().create(Restart.class);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.clear();
    sandbox.clearStubs();
  }

  private static ValidationException rejected(StubResponse response) {
    sandbox.stub("POST", PATH, response);
    return assertThrows(ValidationException.class, () -> restart.post("9856000", BODY));
  }

  @Test
  void tamperedSignature() {
    assertEquals(ValidationException.Reason.BAD_SIGNATURE, rejected(StubResponse.json(OK).tamperSignature()).reason());
  }

  @Test
  void tamperedBody() {
    assertEquals(ValidationException.Reason.BAD_SIGNATURE, rejected(StubResponse.json(OK).tamperBody()).reason());
  }

  @Test
  void signatureProbe() {
    ValidationException failure = rejected(StubResponse.json(OK).signTestProbe());
    assertEquals(ValidationException.Reason.SIGNATURE_PROBE, failure.reason());
    assertInstanceOf(SignatureProbeException.class, failure);
  }

  @Test
  void timestampSkewBothWays() {
    for (Duration skew : new Duration[] {Duration.ofSeconds(301), Duration.ofSeconds(-301)}) {
      ValidationException failure = rejected(StubResponse.json(OK).skewTimestamp(skew));
      assertEquals(ValidationException.Reason.TIMESTAMP_SKEW, failure.reason());
    }
    for (Duration skew : new Duration[] {Duration.ofSeconds(300), Duration.ofSeconds(-300)}) {
      sandbox.stub("POST", PATH, StubResponse.json(OK).skewTimestamp(skew));
      assertEquals("9856000", restart.post("9856000", BODY).stockId());
    }
  }

  @Test
  void unknownSerial() {
    ValidationException failure = rejected(StubResponse.json(OK).serial("PUB_KEY_ID_0000000000000000000000000"));
    assertEquals(ValidationException.Reason.UNKNOWN_SERIAL, failure.reason());
    assertTrue(failure.getMessage().contains("PUB_KEY_ID_0000000000000000000000000"), failure.getMessage());
  }

  @Test
  void everyMissingHeader() {
    for (String header : new String[] {
        "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"}) {
      ValidationException failure = rejected(StubResponse.json(OK).withoutHeader(header));
      assertEquals(ValidationException.Reason.MISSING_HEADER, failure.reason(), header);
      assertTrue(failure.getMessage().contains(header), failure.getMessage());
    }
  }

  @Test
  void wrongAlgorithm() {
    ValidationException failure = rejected(StubResponse.json(OK).signatureType("WECHATPAY2-SM2-WITH-SM3"));
    assertEquals(ValidationException.Reason.UNSUPPORTED_ALGORITHM, failure.reason());
  }

  @Test
  void asyncFailuresAreNotWrapped() {
    sandbox.stub("POST", PATH, StubResponse.json(OK).tamperSignature());
    CompletionException thrown = assertThrows(CompletionException.class,
        () -> restart.postAsync("9856000", BODY).join());
    assertInstanceOf(ValidationException.class, thrown.getCause());
  }

  @Test
  void errorAnswerBecomesServiceException() {
    sandbox.stub("POST", PATH, StubResponse.error(400, "PARAM_ERROR", "批次号不存在"));
    ServiceException failure = assertThrows(ServiceException.class, () -> restart.post("9856000", BODY));
    assertEquals(400, failure.statusCode());
    assertEquals("PARAM_ERROR", failure.code());
    assertEquals("批次号不存在", failure.errorMessage());
    assertTrue(failure.requestId() != null && !failure.requestId().isEmpty());
  }

  @Test
  void nonJsonAndEmptyErrorBodies() {
    sandbox.stub("POST", PATH, StubResponse.raw(502, "text/html",
        "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)));
    ServiceException html = assertThrows(ServiceException.class, () -> restart.post("9856000", BODY));
    assertEquals(502, html.statusCode());
    assertNull(html.code());
    assertTrue(html.requestId() != null);

    sandbox.stub("POST", PATH, StubResponse.raw(500, null, new byte[0]));
    ServiceException empty = assertThrows(ServiceException.class, () -> restart.post("9856000", BODY));
    assertEquals(500, empty.statusCode());
    assertNull(empty.errorMessage());
  }

  @Test
  void aWrongMerchantKeyIsRefusedBySignError() throws Exception {
    WechatPay impostor = sandbox.clientBuilder()
        .merchant(sandbox.mchid(), sandbox.merchantSerialNo(), TestKeys.rsa().getPrivate())
        .build();
    sandbox.stub("POST", PATH, StubResponse.json(OK));

    ServiceException failure = assertThrows(ServiceException.class,
        () -> impostor.create(Restart.class).post("9856000", BODY));

    assertEquals(401, failure.statusCode());
    assertEquals("SIGN_ERROR", failure.code());
    assertFalse(sandbox.lastRequest().signatureValid());
  }

  @Test
  void timeoutIsATransportException() {
    WechatPay impatient = sandbox.clientBuilder().requestTimeout(Duration.ofMillis(200)).build();
    sandbox.stub("POST", PATH, StubResponse.json(OK).delay(Duration.ofSeconds(2)));
    assertThrows(TransportException.class, () -> impatient.create(Restart.class).post("9856000", BODY));
  }

  @Test
  void pathValuesCannotLeaveTheirSegment() {
    sandbox.stub("POST", "/v3/marketing/favor/stocks/a%2F..%2Fb%3Fc%23d%25/restart", StubResponse.json(OK));
    restart.post("a/../b?c#d%", BODY);
    assertEquals("/v3/marketing/favor/stocks/a%2F..%2Fb%3Fc%23d%25/restart", sandbox.lastRequest().uri());
    for (String value : new String[] {"", ".", ".."}) {
      assertThrows(IllegalArgumentException.class, () -> restart.post(value, BODY), value);
    }
  }

  @Test
  void aDroppedConnectionIsATransportExceptionAndNotRetried() {
    WechatPay retrying = sandbox.clientBuilder().retries(3).build();
    sandbox.stub("POST", PATH, StubResponse.json(OK).dropConnection());
    assertThrows(TransportException.class, () -> retrying.create(Restart.class).post("9856000", BODY));
    assertEquals(1, sandbox.requests().size(), "it may have reached WeChat Pay, so it is not sent again");
  }

  @Test
  void fiveHundredsAndTimeoutsAreNotRetried() throws InterruptedException {
    WechatPay retrying = sandbox.clientBuilder().retries(3).requestTimeout(Duration.ofMillis(300)).build();
    sandbox.stub("POST", PATH, StubResponse.error(503, "SYSTEM_ERROR", "系统繁忙"));
    assertThrows(ServiceException.class, () -> retrying.create(Restart.class).post("9856000", BODY));
    assertEquals(1, sandbox.requests().size());

    sandbox.clear();
    sandbox.stub("POST", PATH, StubResponse.json(OK).delay(Duration.ofSeconds(1)));
    assertThrows(TransportException.class, () -> retrying.create(Restart.class).post("9856000", BODY));
    Thread.sleep(1500); // a late resend would show up by now
    assertEquals(1, sandbox.requests().size());
  }

  @Test
  void aRefusedConnectionFailsOverToTheBackupHostWhenRetriesAreOn() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    java.net.URI down = java.net.URI.create("http://127.0.0.1:" + closedPort + "/");
    sandbox.stub("POST", PATH, StubResponse.json(OK));

    WechatPay noRetries = sandbox.clientBuilder().baseUri(down).backupBaseUri(sandbox.baseUri()).build();
    assertThrows(TransportException.class, () -> noRetries.create(Restart.class).post("9856000", BODY));
    assertTrue(sandbox.requests().isEmpty(), "retries are off by default");

    WechatPay failingOver = sandbox.clientBuilder().baseUri(down).backupBaseUri(sandbox.baseUri()).retries(1).build();
    assertEquals("9856000", failingOver.create(Restart.class).post("9856000", BODY).stockId());
    assertEquals(1, sandbox.requests().size());
    assertTrue(sandbox.lastRequest().signatureValid(), sandbox.lastRequest().rejection());

  }
}
