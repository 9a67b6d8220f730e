package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationCheckTest {
  private static final long NOW = 1_700_000_000L;
  private static final String MCHID = "1900000001";
  private static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  private static final byte[] BODY = "{\"stock_creator_mchid\":\"8956000\"}".getBytes(StandardCharsets.UTF_8);

  private final AuthorizationCheck check = new AuthorizationCheck(MCHID, SERIAL, TestKeys.MERCHANT.getPublic(),
      Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  private static String header(String mchid, String serial, long timestamp, String nonce, String signature) {
    return "WECHATPAY2-SHA256-RSA2048 mchid=\"" + mchid + "\",nonce_str=\"" + nonce + "\",timestamp=\""
        + timestamp + "\",serial_no=\"" + serial + "\",signature=\"" + signature + "\"";
  }

  private static String signed(PrivateKey key, String method, String uri, long timestamp, String nonce,
      byte[] body) {
    return header(MCHID, SERIAL, timestamp, nonce,
        MerchantRequest.sign(key, method + "\n" + uri + "\n" + timestamp + "\n" + nonce + "\n", body));
  }

  private AuthorizationCheck.Outcome checkPost(String header) {
    return check.check(header, "POST", "/v3/pay?a=1", BODY);
  }

  @Test
  void parsesTheFiveKeysInAnyOrderWithSpacesAfterCommas() {
    Map<String, String> params = AuthorizationCheck.parse("WECHATPAY2-SHA256-RSA2048 signature=\"c2ln\", "
        + "timestamp=\"1554208460\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\" ,mchid=\"1900009191\","
        + "nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\"");
    assertEquals(Map.of("mchid", "1900009191", "nonce_str", "593BEC0C930BF1AFEB40B4A08C8FB242",
        "timestamp", "1554208460", "serial_no", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", "signature", "c2ln"),
        params);
    assertEquals(List.of("signature", "timestamp", "serial_no", "mchid", "nonce_str"),
        List.copyOf(params.keySet()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc", "WECHATPAY2-SHA256-RSA2048", "wechatpay2-sha256-rsa2048 mchid=\"1\"",
      "WECHATPAY2-SHA256-RSA2048-X mchid=\"1\"", "WECHATPAY2-SHA256-RSA2048,mchid=\"1\""})
  void rejectsAnotherScheme(String header) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthorizationCheck.parse(header));
    assertTrue(e.getMessage().startsWith("the Authorization scheme is"), e.getMessage());
  }

  @Test
  void rejectsEachMissingKey() {
    for (String missing : AuthorizationCheck.KEYS) {
      StringBuilder header = new StringBuilder("WECHATPAY2-SHA256-RSA2048 ");
      for (String key : AuthorizationCheck.KEYS) {
        if (!key.equals(missing)) {
          header.append(header.charAt(header.length() - 1) == ' ' ? "" : ",").append(key).append("=\"1\"");
        }
      }
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> AuthorizationCheck.parse(header.toString()));
      assertEquals("malformed Authorization: missing key " + missing, e.getMessage());
    }
  }

  private static void assertMalformed(String header, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthorizationCheck.parse(header));
    assertEquals("malformed Authorization: " + message, e.getMessage());
  }

  @Test
  void rejectsMalformedParameters() {
    String rest = ",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\"";
    assertMalformed("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",mchid=\"1\"" + rest, "duplicate key mchid");
    assertMalformed("WECHATPAY2-SHA256-RSA2048 mchid=1900000001" + rest, "the value of mchid must be in double quotes");
    assertMalformed("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001", "the value of mchid has no closing double quote");
    assertMalformed("WECHATPAY2-SHA256-RSA2048 mchid \"1\"" + rest, "expected '=' after mchid");
    assertMalformed("WECHATPAY2-SHA256-RSA2048 mchid=\"1\";nonce_str=\"n\"", "expected ',' after the value of mchid");
    String trailingComma = "WECHATPAY2-SHA256-RSA2048 mchid=\"1\"" + rest + ",";
    assertMalformed(trailingComma, "expected a key at offset " + trailingComma.length());
    assertMalformed("WECHATPAY2-SHA256-RSA2048 ", "expected a key at offset 26");
    assertMalformed("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",appid=\"wx\"" + rest,
        "unknown key appid; expected mchid, nonce_str, timestamp, serial_no, signature");
  }

  @Test
  void acceptsACorrectSignature() {
    AuthorizationCheck.Outcome outcome =
        checkPost(signed(TestKeys.MERCHANT.getPrivate(), "POST", "/v3/pay?a=1", NOW, "N1", BODY));
    assertNull(outcome.rejection());
    assertTrue(outcome.accepted());
    assertEquals(MCHID, outcome.params().get("mchid"));
  }

  @Test
  void reportsAMissingHeader() {
    assertEquals("the Authorization header is missing", check.check(null, "GET", "/v3/x", new byte[0]).rejection());
  }

  @Test
  void keepsTheParametersOfARejectedHeader() {
    AuthorizationCheck.Outcome outcome = checkPost(header("1900000002", SERIAL, NOW, "N", "c2ln"));
    assertEquals("1900000002", outcome.params().get("mchid"));
    assertEquals("mchid \"1900000002\" is not the sandbox merchant \"1900000001\"", outcome.rejection());
  }

  @Test
  void rejectsAnotherSerial() {
    assertEquals("serial_no \"ABC\" is not the merchant certificate serial \"" + SERIAL + "\"",
        checkPost(header(MCHID, "ABC", NOW, "N", "c2ln")).rejection());
  }

  @Test
  void rejectsAnEmptyNonce() {
    assertEquals("nonce_str is empty", checkPost(header(MCHID, SERIAL, NOW, "", "c2ln")).rejection());
  }

  @Test
  void rejectsATimestampThatIsNotANumber() {
    String header = header(MCHID, SERIAL, NOW, "N", "c2ln").replace("\"" + NOW + "\"", "\"2023-11-14\"");
    assertEquals("timestamp \"2023-11-14\" is not a number of seconds since the epoch", checkPost(header).rejection());
  }

  @Test
  void allowsThreeHundredSecondsEitherWay() {
    PrivateKey key = TestKeys.MERCHANT.getPrivate();
    for (long skew : new long[] {-300, -299, 0, 299, 300}) {
      assertNull(checkPost(signed(key, "POST", "/v3/pay?a=1", NOW + skew, "N", BODY)).rejection(), "skew " + skew);
    }
    assertEquals("timestamp 1699999699 is 301 s behind the sandbox clock (1700000000); at most 300 s are allowed",
        checkPost(signed(key, "POST", "/v3/pay?a=1", NOW - 301, "N", BODY)).rejection());
    assertEquals("timestamp 1700000301 is 301 s ahead of the sandbox clock (1700000000); at most 300 s are allowed",
        checkPost(signed(key, "POST", "/v3/pay?a=1", NOW + 301, "N", BODY)).rejection());
  }

  @Test
  void rejectsASignatureThatIsNotBase64() {
    assertEquals("signature is not valid Base64",
        checkPost(header(MCHID, SERIAL, NOW, "N", "not base64!")).rejection());
  }

  @Test
  void rejectsSignaturesOverAnythingElse() {
    PrivateKey key = TestKeys.MERCHANT.getPrivate();
    String expected = "signature does not verify with the merchant public key over METHOD \"POST\", URL "
        + "\"/v3/pay?a=1\", timestamp 1700000000, nonce_str \"N\" and a body of " + BODY.length + " bytes";
    assertEquals(expected, checkPost(signed(key, "GET", "/v3/pay?a=1", NOW, "N", BODY)).rejection());
    assertEquals(expected, checkPost(signed(key, "POST", "/v3/pay?a=2", NOW, "N", BODY)).rejection());
    assertEquals(expected, checkPost(signed(key, "POST", "/v3/pay", NOW, "N", BODY)).rejection());
    assertEquals(expected, checkPost(signed(key, "POST", "/v3/pay?a=1", NOW, "N", new byte[0])).rejection());
    assertEquals(expected, checkPost(signed(TestKeys.STRANGER.getPrivate(), "POST", "/v3/pay?a=1", NOW, "N", BODY))
        .rejection());
    // A signature header with a nonce other than the signed one.
    String otherNonce =
        signed(key, "POST", "/v3/pay?a=1", NOW, "M", BODY).replace("nonce_str=\"M\"", "nonce_str=\"N\"");
    assertEquals(expected, checkPost(otherNonce).rejection());
    // Well-formed Base64, but too short to be an RSA-2048 signature.
    assertEquals(expected, checkPost(header(MCHID, SERIAL, NOW, "N", "c2ln")).rejection());
  }

  @Test
  void signsTheDocumentedMessage() {
    byte[] message = AuthorizationCheck.message("POST", "/v3/x?y=%20", "1", "N", new byte[] {'{', '}'});
    assertArrayEquals("POST\n/v3/x?y=%20\n1\nN\n{}\n".getBytes(StandardCharsets.UTF_8), message);
    assertNotNull(message);
  }
}
