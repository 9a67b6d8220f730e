package dev.wxpay.runtime;

import static dev.wxpay.runtime.Fuzz.documented;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.wxpay.runtime.internal.crypto.ApiV3Key;
import dev.wxpay.runtime.internal.crypto.CryptoFuzzTestAccess;
import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Hostile answers and notifications: {@link ResponseVerifier} on signed answers with altered headers and
 * bodies, and {@link NotificationParser} (then {@link Notification#resource}) on notifications altered
 * and signed again, so that the altered bytes get past the signature and reach the JSON and the AEAD.
 * Documented: {@link ValidationException} for checks, {@link WechatPayException} for a body that is no
 * notification or a resource that does not fit.
 */
class NotificationFuzzTest {
  private static final long NOW = 1_700_000_000L;
  private static final String KEY_ID = "PUB_KEY_ID_0119000000012025";
  private static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
  private static final String NONCE = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
  private static final String RESOURCE = "{\"mchid\":\"1900000001\",\"out_trade_no\":\"1217752501201407033233368018\","
      + "\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"promotion_detail\":[]}";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  private final ResponseVerifier verifier = new ResponseVerifier(new VerificationKeys(
      new VerificationKeys.Key(KEY_ID, TestKeys.WECHATPAY.getPublic()), List.of(), CLOCK), CLOCK, null);
  private final NotificationParser parser = new NotificationParser(verifier::verify, ApiV3Key.of(API_V3_KEY),
      new FieldCipher(null, TestKeys.MERCHANT.getPrivate()), WechatPay.DEFAULT_MAX_ANSWER_BYTES);

  /** AEAD_AES_256_GCM or AEAD_SM4_GCM with the JDK and Bouncy Castle directly, as WeChat Pay encrypts. */
  static String encrypt(boolean sm4, String nonce, String associatedData, byte[] plaintext) throws Exception {
    byte[] key = API_V3_KEY.getBytes(StandardCharsets.UTF_8);
    Cipher cipher = sm4 ? Cipher.getInstance("SM4/GCM/NoPadding", TestKeys.BC) : Cipher.getInstance("AES/GCM/NoPadding");
    byte[] cipherKey = sm4 ? Arrays.copyOf(MessageDigest.getInstance("SM3", TestKeys.BC).digest(key), 16) : key;
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cipherKey, sm4 ? "SM4" : "AES"),
        new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
    cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext));
  }

  static String envelope(boolean sm4, byte[] resource) throws Exception {
    return "{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2015-05-20T13:29:35+08:00\","
        + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\","
        + "\"resource\":{\"original_type\":\"transaction\",\"algorithm\":\""
        + (sm4 ? "AEAD_SM4_GCM" : "AEAD_AES_256_GCM") + "\",\"ciphertext\":\""
        + encrypt(sm4, "fdasflkja484w", "transaction", resource)
        + "\",\"associated_data\":\"transaction\",\"nonce\":\"fdasflkja484w\"}}";
  }

  /** Headers signing {@code timestamp\nnonce\nbody\n} with the WeChat Pay test key. */
  static Map<String, String> signed(byte[] body) {
    byte[] message = message(Long.toString(NOW), NONCE, body);
    Map<String, String> headers = new HashMap<>();
    headers.put("Wechatpay-Timestamp", Long.toString(NOW));
    headers.put("Wechatpay-Nonce", NONCE);
    headers.put("Wechatpay-Serial", KEY_ID);
    headers.put("Wechatpay-Signature", TestKeys.sign(TestKeys.WECHATPAY.getPrivate(), message));
    return headers;
  }

  private static byte[] message(String timestamp, String nonce, byte[] body) {
    byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] message = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    message[message.length - 1] = '\n';
    return message;
  }

  /** A signed answer and then headers or body altered, not signed again. */
  record Altered(Map<String, String> headers, byte[] body) {
    @Override
    public String toString() {
      return headers + " " + Fuzz.show(body);
    }
  }

  private static final byte[] ANSWER = "{\"stock_id\":\"9856000\",\"message\":\"中文\"}".getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> ANSWER_HEADERS = signed(ANSWER);
  private static final String[] NAMES = {"Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial",
      "Wechatpay-Signature", "Wechatpay-Signature-Type"};

  static Altered alter(Random random) {
    Map<String, String> headers = new HashMap<>(ANSWER_HEADERS);
    byte[] body = ANSWER;
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      String name = NAMES[random.nextInt(NAMES.length)];
      switch (random.nextInt(6)) {
        case 0 -> headers.remove(name);
        case 1 -> headers.put(name, "");
        case 2 -> headers.put(name, FuzzInputs.hostileText(random));
        case 3 -> body = FuzzInputs.mutate(random, body);
        default -> headers.put(name, FuzzInputs.mutate(random, headers.getOrDefault(name, "WECHATPAY2-SHA256-RSA2048")));
      }
    }
    return new Altered(headers, body);
  }

  @Test
  void verifierOnAlteredAnswers() {
    Fuzz.forAll("ResponseVerifier", 1000, NotificationFuzzTest::alter, Altered::toString, Altered::body,
        altered -> {
          verifier.verify(altered.headers()::get, altered.body());
          // Passed: then the signed bytes are exactly the ones signed.
          Map<String, String> h = altered.headers();
          assertArrayEquals(message(Long.toString(NOW), NONCE, ANSWER),
              message(h.get("Wechatpay-Timestamp"), h.get("Wechatpay-Nonce"), altered.body()));
          assertEquals(KEY_ID, h.get("Wechatpay-Serial"));
        }, documented(ValidationException.class));
  }

  /**
   * SM2: the signature header is DER ({@code SEQUENCE {r, s}}) that Bouncy Castle parses before any key
   * check, so altered and hostile DER there reaches its parser from an unauthenticated answer.
   */
  @Test
  void sm2VerifierOnHostileSignatures() {
    KeyPair sm2 = TestKeys.sm2();
    ResponseVerifier sm2Verifier = new ResponseVerifier(new VerificationKeys(
        new VerificationKeys.Key(KEY_ID, sm2.getPublic()), List.of(), CLOCK), CLOCK, null);
    byte[] signature = SignatureScheme.SM2.sign(sm2.getPrivate(), message(Long.toString(NOW), NONCE, ANSWER));
    Fuzz.forAllBytes("ResponseVerifier-SM2", 500, random -> switch (random.nextInt(3)) {
          case 0 -> CryptoFuzzTestAccess.hostileDer(random);
          case 1 -> CryptoFuzzTestAccess.nested(1 + random.nextInt(3000), signature);
          default -> FuzzInputs.mutate(random, signature);
        }, bytes -> {
          Map<String, String> headers = new HashMap<>(ANSWER_HEADERS);
          headers.put("Wechatpay-Signature", Base64.getEncoder().encodeToString(bytes));
          sm2Verifier.verify(headers::get, ANSWER);
          assertArrayEquals(signature, bytes);
        }, documented(ValidationException.class));
  }

  /** A notification with its body altered and then signed again: the alterations reach the parser. */
  static byte[] notificationBody(Random random) throws Exception {
    boolean sm4 = random.nextInt(4) == 0;
    byte[] resource = RESOURCE.getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(4)) {
      case 0 -> resource = JsonFuzzTest.json(random, RESOURCE); // hostile plaintext, properly encrypted
      case 1 -> {
        return JsonFuzzTest.json(random, envelope(sm4, resource)); // hostile envelope
      }
      default -> {
        // Values altered, members dropped or repeated, the JSON still mostly well-formed.
        return FuzzInputs.mutateJson(random, envelope(sm4, resource));
      }
    }
    return envelope(sm4, resource).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parserOnResignedNotifications() {
    Fuzz.forAll("NotificationParser", 1000, random -> {
          try {
            return notificationBody(random);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }, Fuzz::show, b -> b,
        body -> {
          Notification notification = parser.parse(signed(body)::get, body);
          // What the parser accepted is complete; the resource reads as any JSON or fails as documented.
          assertNotNull(notification.id());
          assertNotNull(notification.createTime());
          assertNotNull(notification.eventType());
          assertNotNull(notification.resourceType());
          notification.resource(JsonValue.adapter());
        }, documented(WechatPayException.class));
  }
}
