package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.wxpay.runtime.internal.crypto.ApiV3Key;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Notifications made here with the JDK's Cipher and Signature directly, parsed by the runtime. */
class NotificationParserTest {
  private static final long NOW = 1_700_000_000L;
  private static final String KEY_ID = "PUB_KEY_ID_0119000000012025";
  private static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
  private static final String RESOURCE = "{\"out_trade_no\":\"1217752501201407033233368018\",\"trade_state\":\"SUCCESS\"}";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  private final NotificationParser parser = new NotificationParser(new ResponseVerifier(new VerificationKeys(
      new VerificationKeys.Key(KEY_ID, TestKeys.WECHATPAY.getPublic()), List.of(), CLOCK), CLOCK, null)::verify,
      ApiV3Key.of(API_V3_KEY), new FieldCipher(null, TestKeys.MERCHANT.getPrivate()), 64 * 1024);

  /** AES-256-GCM with the JDK directly, as WeChat Pay encrypts a resource. */
  private static String encrypt(String key, String nonce, String associatedData, String plaintext) throws Exception {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
        new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
    cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] body(String key) throws Exception {
    return body(key, RESOURCE);
  }

  private static byte[] body(String key, String resource) throws Exception {
    return ("{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2015-05-20T13:29:35+08:00\","
        + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\","
        + "\"resource\":{\"original_type\":\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
        + encrypt(key, "fdasflkja484w", "transaction", resource)
        + "\",\"associated_data\":\"transaction\",\"nonce\":\"fdasflkja484w\"}}").getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> headers(long timestamp, byte[] body) {
    String nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
    byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    message[message.length - 1] = '\n';
    Map<String, String> headers = new HashMap<>();
    headers.put("Wechatpay-Timestamp", Long.toString(timestamp));
    headers.put("Wechatpay-Nonce", nonce);
    headers.put("Wechatpay-Serial", KEY_ID);
    headers.put("Wechatpay-Signature", TestKeys.sign(TestKeys.WECHATPAY.getPrivate(), message));
    return headers;
  }

  @Test
  void parsesVerifiesAndDecrypts() throws Exception {
    byte[] body = body(API_V3_KEY);
    Notification notification = parser.parse(headers(NOW, body)::get, body);

    assertEquals("EV-2018022511223320873", notification.id());
    assertEquals(OffsetDateTime.parse("2015-05-20T13:29:35+08:00"), notification.createTime());
    assertEquals("TRANSACTION.SUCCESS", notification.eventType());
    assertEquals("encrypt-resource", notification.resourceType());
    assertEquals("支付成功", notification.summary());
    assertEquals("transaction", notification.originalType());
    assertEquals(RESOURCE, notification.resourceJson());
    assertEquals("1217752501201407033233368018", notification.resource(OUT_TRADE_NO));
    assertFalse(notification.toString().contains("1217752501201407033233368018"), notification.toString());
  }

  @Test
  void headerNamesInAnyCase() throws Exception {
    byte[] body = body(API_V3_KEY);
    Map<String, List<String>> lowerCase = new HashMap<>();
    headers(NOW, body).forEach((name, value) -> lowerCase.put(name.toLowerCase(), List.of(value)));
    assertEquals("TRANSACTION.SUCCESS", parser.parse(lowerCase, body).eventType());
  }

  @Test
  void signatureProbe() throws Exception {
    byte[] body = body(API_V3_KEY);
    Map<String, String> headers = headers(NOW, body);
    headers.put("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + headers.get("Wechatpay-Signature"));
    assertThrows(SignatureProbeException.class, () -> parser.parse(headers::get, body));
  }

  @Test
  void tamperedBody() throws Exception {
    byte[] body = body(API_V3_KEY);
    Map<String, String> headers = headers(NOW, body);
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("SUCCESS", "SUCCESS ").getBytes(StandardCharsets.UTF_8);
    ValidationException e = assertThrows(ValidationException.class, () -> parser.parse(headers::get, tampered));
    assertEquals(ValidationException.Reason.BAD_SIGNATURE, e.reason());
  }

  @Test
  void skewedTimestamp() throws Exception {
    byte[] body = body(API_V3_KEY);
    for (long timestamp : new long[] {NOW - 301, NOW + 301}) {
      ValidationException e = assertThrows(ValidationException.class,
          () -> parser.parse(headers(timestamp, body)::get, body));
      assertEquals(ValidationException.Reason.TIMESTAMP_SKEW, e.reason());
    }
    assertEquals("TRANSACTION.SUCCESS", parser.parse(headers(NOW - 300, body)::get, body).eventType());
  }

  @Test
  void resourceEncryptedWithAnotherKey() throws Exception {
    byte[] body = body("b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");
    ValidationException e = assertThrows(ValidationException.class,
        () -> parser.parse(headers(NOW, body)::get, body));
    assertEquals(ValidationException.Reason.DECRYPTION_FAILED, e.reason());
    assertFalse(e.getMessage().contains(API_V3_KEY));
  }

  @Test
  void aBodyLongerThanTheLimitIsRefusedBeforeItIsVerified() throws Exception {
    byte[] body = new byte[64 * 1024 + 1];
    Map<String, String> headers = headers(NOW, body(API_V3_KEY));
    WechatPayException e = assertThrows(WechatPayException.class, () -> parser.parse(headers::get, body));
    assertEquals("the notification body is longer than 65536 bytes (WechatPay.Builder.maxAnswerBytes);"
        + " not verified", e.getMessage());
  }

  @Test
  void missingHeader() throws Exception {
    byte[] body = body(API_V3_KEY);
    Map<String, String> headers = headers(NOW, body);
    headers.remove("Wechatpay-Serial");
    ValidationException e = assertThrows(ValidationException.class, () -> parser.parse(headers::get, body));
    assertEquals(ValidationException.Reason.MISSING_HEADER, e.reason());
  }

  @Test
  void headerTextCannotForgeLogLines() throws Exception {
    byte[] body = body(API_V3_KEY);
    Map<String, String> headers = headers(NOW, body);
    headers.put("Wechatpay-Serial", "X\r\n2026-01-01 INFO notification accepted");
    ValidationException e = assertThrows(ValidationException.class, () -> parser.parse(headers::get, body));
    assertEquals(ValidationException.Reason.UNKNOWN_SERIAL, e.reason());
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    assertTrue(e.getMessage().contains("X  2026-01-01 INFO"), e.getMessage());
  }

  @Test
  void notANotification() {
    byte[] body = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    WechatPayException e = assertThrows(WechatPayException.class, () -> parser.parse(headers(NOW, body)::get, body));
    assertNull(e.getCause());
    assertTrue(e.getMessage().contains("resource"), e.getMessage());
  }

  @Test
  void encryptedFieldsOfTheResourceAreDecryptedWithTheMerchantKey() throws Exception {
    String ciphertext = oaep(TestKeys.MERCHANT.getPublic(), "张三");
    byte[] body = body(API_V3_KEY, "{\"openid\":\"o1\",\"name\":\"" + ciphertext + "\"}");
    Notification notification = parser.parse(headers(NOW, body)::get, body);

    assertEquals("张三", notification.resource(ENCRYPTED_NAME));
    assertFalse(notification.toString().contains("张三"), notification.toString());
  }

  @Test
  void anEncryptedFieldThatDoesNotDecryptFailsWithoutQuotingIt() throws Exception {
    String ciphertext = oaep(TestKeys.WECHATPAY.getPublic(), "张三"); // not for the merchant
    byte[] body = body(API_V3_KEY, "{\"openid\":\"o1\",\"name\":\"" + ciphertext + "\"}");
    Notification notification = parser.parse(headers(NOW, body)::get, body);

    ValidationException e = assertThrows(ValidationException.class, () -> notification.resource(ENCRYPTED_NAME));
    assertEquals(ValidationException.Reason.DECRYPTION_FAILED, e.reason());
    assertEquals("RSA-OAEP ciphertext does not decrypt under this key", e.getMessage());
  }

  /** RSA-OAEP (SHA-1, MGF1-SHA-1) with the JDK directly, as WeChat Pay encrypts fields for the merchant. */
  private static String oaep(PublicKey key, String plaintext) throws Exception {
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
    cipher.init(Cipher.ENCRYPT_MODE, key);
    return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBodyWithoutAPartItNeedsNamesThePart() throws Exception {
    String whole = new String(body(API_V3_KEY), StandardCharsets.UTF_8);
    for (String[] c : new String[][] {
        {whole.replace(",\"nonce\":\"fdasflkja484w\"", ""), "required field $.resource.nonce is missing"},
        {whole.replace("\"event_type\":", "\"type\":"), "required field $.event_type is missing"},
        {whole.replace("2015-05-20T13:29:35+08:00", "2015-05-20 13:29:35"), "expected an RFC 3339 date-time at $.create_time"},
        {whole.replace("\"resource\":{", "\"resource\":[{").replace("}}", "}]}"), "Expected BEGIN_OBJECT but was BEGIN_ARRAY at path $.resource"}}) {
      byte[] body = c[0].getBytes(StandardCharsets.UTF_8);
      WechatPayException e = assertThrows(WechatPayException.class, () -> parser.parse(headers(NOW, body)::get, body));
      assertEquals(WechatPayException.class, e.getClass());
      assertTrue(e.getMessage().startsWith("the notification body is not a notification with an encrypted resource: "
          + c[1]), e.getMessage());
      assertNull(e.getCause());
    }
  }

  @Test
  void aBodyThatIsNotJsonSaysSo() throws Exception {
    for (String text : new String[] {"<xml>notify</xml>", new String(body(API_V3_KEY), StandardCharsets.UTF_8) + "{}"}) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      WechatPayException e = assertThrows(WechatPayException.class, () -> parser.parse(headers(NOW, body)::get, body));
      assertTrue(e.getMessage().startsWith("the notification body is not JSON: "), e.getMessage());
    }
  }

  @Test
  void withoutAssociatedDataTheResourceDecryptsWithNone() throws Exception {
    String resource = encrypt(API_V3_KEY, "fdasflkja484w", "", RESOURCE);
    byte[] body = ("{\"id\":\"EV-1\",\"create_time\":\"2015-05-20T13:29:35+08:00\",\"resource_type\":"
        + "\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{\"algorithm\":"
        + "\"AEAD_AES_256_GCM\",\"ciphertext\":\"" + resource + "\",\"nonce\":\"fdasflkja484w\"}}")
        .getBytes(StandardCharsets.UTF_8);
    Notification notification = parser.parse(headers(NOW, body)::get, body);
    assertEquals(RESOURCE, notification.resourceJson());
    assertNull(notification.summary());
    assertNull(notification.originalType());
  }

  @Test
  void anUnknownAlgorithmIsAValidationFailureNamingIt() throws Exception {
    byte[] body = new String(body(API_V3_KEY), StandardCharsets.UTF_8)
        .replace("AEAD_AES_256_GCM", "AEAD_CHACHA20_POLY1305").getBytes(StandardCharsets.UTF_8);
    ValidationException e = assertThrows(ValidationException.class, () -> parser.parse(headers(NOW, body)::get, body));
    assertEquals(ValidationException.Reason.UNSUPPORTED_ALGORITHM, e.reason());
    assertEquals("unsupported algorithm: AEAD_CHACHA20_POLY1305; expected AEAD_AES_256_GCM or AEAD_SM4_GCM",
        e.getMessage());
  }

  /** Reads the out_trade_no of a transaction resource; a stand-in for a generated adapter. */
  private static final JsonAdapter<String> OUT_TRADE_NO = field("out_trade_no", false);
  /** Reads an @Encrypted name as a generated adapter does: through the reader's SensitiveFields. */
  private static final JsonAdapter<String> ENCRYPTED_NAME = field("name", true);

  private static JsonAdapter<String> field(String name, boolean encrypted) {
    return new JsonAdapter<>() {
      @Override
      public String fromJson(JsonReader reader) throws IOException {
        String value = null;
        reader.beginObject();
        while (reader.hasNext()) {
          if (reader.nextName().equals(name)) {
            value = encrypted ? SensitiveFields.decrypt(reader, reader.nextString()) : reader.nextString();
          } else {
            reader.skipValue();
          }
        }
        reader.endObject();
        return value;
      }

      @Override
      public void toJson(JsonWriter writer, String value) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
