package dev.wxpay.runtime;

import static dev.wxpay.runtime.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.ValidationException.Reason;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseVerifierTest {
  private static final long NOW = 1_700_000_000L;
  private static final String KEY_ID = "PUB_KEY_ID_0119000000012025";
  private static final String NONCE = "c5ac7061fccab6bf3e254dcf98995b8c";
  private static final byte[] BODY = utf8("{\"stock_id\":\"9856000\",\"message\":\"中文\"}");

  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  private final ResponseVerifier verifier = new ResponseVerifier(new VerificationKeys(
      new VerificationKeys.Key(KEY_ID, TestKeys.WECHATPAY.getPublic()), List.of(), CLOCK), CLOCK, null);

  /** Headers of a correctly signed response, signed here with the JDK directly. */
  private static Map<String, String> signed(long timestamp, byte[] body) {
    String message = timestamp + "\n" + NONCE + "\n";
    byte[] bytes = new byte[utf8(message).length + body.length + 1];
    System.arraycopy(utf8(message), 0, bytes, 0, utf8(message).length);
    System.arraycopy(body, 0, bytes, utf8(message).length, body.length);
    bytes[bytes.length - 1] = '\n';
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", Long.toString(timestamp));
    headers.put("Wechatpay-Nonce", NONCE);
    headers.put("Wechatpay-Signature", TestKeys.sign(TestKeys.WECHATPAY.getPrivate(), bytes));
    headers.put("Wechatpay-Serial", KEY_ID);
    return headers;
  }

  /** The headers as the JDK's HttpHeaders look them up: case-insensitively, as a transport hands them over. */
  private static Function<String, String> http(Map<String, String> headers) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    HttpHeaders http = HttpHeaders.of(multi, (k, v) -> true);
    return name -> http.firstValue(name).orElse(null);
  }

  private ValidationException rejected(Map<String, String> headers, byte[] body, Reason reason) {
    ValidationException e = assertThrows(ValidationException.class, () -> verifier.verify(http(headers), body));
    assertEquals(reason, e.reason(), e.getMessage());
    for (byte[] key : List.of(TestKeys.WECHATPAY.getPublic().getEncoded(),
        TestKeys.WECHATPAY.getPrivate().getEncoded(), TestKeys.MERCHANT.getPrivate().getEncoded())) {
      for (String fragment : TestKeys.fragments(key)) {
        assertFalse(e.getMessage().contains(fragment), e.getMessage());
      }
    }
    return e;
  }

  @Test
  void validResponsePasses() {
    verifier.verify(http(signed(NOW, BODY)), BODY);
  }

  @Test
  void emptyBodyIsVerifiedToo() {
    verifier.verify(http(signed(NOW, new byte[0])), new byte[0]);
    rejected(signed(NOW, BODY), new byte[0], Reason.BAD_SIGNATURE);
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    Map<String, String> lower = new LinkedHashMap<>();
    signed(NOW, BODY).forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    verifier.verify(http(lower), BODY);
  }

  @Test
  void tamperedBodyFails() {
    byte[] tampered = BODY.clone();
    tampered[tampered.length - 2] ^= 1;
    rejected(signed(NOW, BODY), tampered, Reason.BAD_SIGNATURE);
  }

  @Test
  void signatureByAnotherKeyFails() {
    Map<String, String> headers = signed(NOW, BODY);
    headers.put("Wechatpay-Signature", TestKeys.sign(TestKeys.MERCHANT.getPrivate(), BODY));
    rejected(headers, BODY, Reason.BAD_SIGNATURE);
  }

  @Test
  void nonBase64SignatureFails() {
    Map<String, String> headers = signed(NOW, BODY);
    headers.put("Wechatpay-Signature", "not base64 !!");
    rejected(headers, BODY, Reason.BAD_SIGNATURE);
  }

  @Test
  void signTestProbeFails() {
    Map<String, String> headers = signed(NOW, BODY);
    headers.put("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + headers.get("Wechatpay-Signature"));
    ValidationException e = rejected(headers, BODY, Reason.SIGNATURE_PROBE);
    assertInstanceOf(SignatureProbeException.class, e);
    assertTrue(e.getMessage().contains("SIGNTEST"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {301, -301, 86_400, -86_400, Long.MAX_VALUE / 2})
  void skewBeyondFiveMinutesFails(long skew) {
    ValidationException e = rejected(signed(NOW + skew, BODY), BODY, Reason.TIMESTAMP_SKEW);
    assertTrue(e.getMessage().contains("Wechatpay-Timestamp"), e.getMessage());
    if (Math.abs(skew) == 301) {
      assertTrue(e.getMessage().contains("301 s"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {299, -299, 300, -300, 0})
  void skewWithinFiveMinutesPasses(long skew) {
    verifier.verify(http(signed(NOW + skew, BODY)), BODY);
  }

  @Test
  void nonNumericTimestampIsMalformed() {
    Map<String, String> headers = signed(NOW, BODY);
    headers.put("Wechatpay-Timestamp", "yesterday");
    rejected(headers, BODY, Reason.MALFORMED_HEADER);
  }

  @Test
  void wrongSerialFailsNamingBoth() {
    Map<String, String> headers = signed(NOW, BODY);
    headers.put("Wechatpay-Serial", "PUB_KEY_ID_OTHER");
    ValidationException e = rejected(headers, BODY, Reason.UNKNOWN_SERIAL);
    assertTrue(e.getMessage().contains("PUB_KEY_ID_OTHER"), e.getMessage());
    assertTrue(e.getMessage().contains(KEY_ID), e.getMessage());
  }

  @Test
  void unsupportedSignatureTypeFails() {
    Map<String, String> headers = signed(NOW, BODY);
    headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SM2-WITH-SM3");
    rejected(headers, BODY, Reason.UNSUPPORTED_ALGORITHM);
    headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
    verifier.verify(http(headers), BODY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"})
  void eachMissingHeaderIsNamed(String name) {
    Map<String, String> headers = signed(NOW, BODY);
    headers.remove(name);
    ValidationException e = rejected(headers, BODY, Reason.MISSING_HEADER);
    assertTrue(e.getMessage().contains(name), e.getMessage());

    headers.put(name, "");
    rejected(headers, BODY, Reason.MISSING_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"})
  void aHeaderLongerThanAnyWechatPaySendsIsRefusedUnread(String name) {
    Map<String, String> headers = signed(NOW, BODY);
    headers.put(name, "A".repeat(ResponseVerifier.MAX_HEADER_CHARS + 1));
    ValidationException e = rejected(headers, BODY, Reason.MALFORMED_HEADER);
    assertEquals("header " + name + " is longer than 1024 characters", e.getMessage());

    // At the limit the value is read, and fails on its content instead.
    headers.put(name, "A".repeat(ResponseVerifier.MAX_HEADER_CHARS));
    String atLimit = assertThrows(ValidationException.class, () -> verifier.verify(http(headers), BODY))
        .getMessage();
    assertFalse(atLimit.contains("is longer than"), atLimit);
  }
}
