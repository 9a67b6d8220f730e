package dev.wxpay.runtime;

import static dev.wxpay.runtime.TestKeys.utf8;
import static dev.wxpay.runtime.TestKeys.MERCHANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentSignerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1414561699L), ZoneOffset.UTC);
  private static final String APP_ID = "wx8888888888888888";
  private static final String PREPAY_ID = "wx201410272009395522657a690389285100";

  private final PaymentSigner rsa = new PaymentSigner(MERCHANT.getPrivate(), CLOCK, null);

  @Test
  void jsapiParamsAreSignedOverTheFourDocumentedLines() throws Exception {
    JsapiPayParams p = rsa.jsapi(APP_ID, PREPAY_ID);
    assertEquals(APP_ID, p.appId());
    assertEquals("1414561699", p.timeStamp());
    assertTrue(p.nonceStr().matches("[A-Za-z0-9]{32}"), p.nonceStr());
    assertEquals("prepay_id=" + PREPAY_ID, p.packageValue());
    assertEquals("RSA", p.signType());
    String message = APP_ID + "\n1414561699\n" + p.nonceStr() + "\nprepay_id=" + PREPAY_ID + "\n";
    assertTrue(jdkVerify(MERCHANT.getPublic(), message, p.paySign()));
    assertFalse(jdkVerify(MERCHANT.getPublic(), message.replace(APP_ID, "wx8888888888888889"), p.paySign()));
  }

  @Test
  void jsapiMapHasTheJavaScriptNames() {
    JsapiPayParams p = rsa.jsapi(APP_ID, PREPAY_ID);
    Map<String, String> map = p.toMap();
    assertEquals(List.of("appId", "timeStamp", "nonceStr", "package", "signType", "paySign"), List.copyOf(map.keySet()));
    assertEquals(p.packageValue(), map.get("package"));
    assertEquals(p.paySign(), map.get("paySign"));
    assertThrows(UnsupportedOperationException.class, () -> map.put("x", "y"));
  }

  @Test
  void appParamsAreSignedOverTheFourDocumentedLines() throws Exception {
    AppPayParams p = rsa.app(APP_ID, "1900000109", PREPAY_ID);
    assertEquals("Sign=WXPay", p.packageValue());
    assertEquals("1414561699", p.timeStamp());
    assertEquals("1900000109", p.partnerId());
    assertTrue(p.nonceStr().matches("[A-Za-z0-9]{32}"), p.nonceStr());
    String message = APP_ID + "\n1414561699\n" + p.nonceStr() + "\n" + PREPAY_ID + "\n";
    assertTrue(jdkVerify(MERCHANT.getPublic(), message, p.sign()));
    Map<String, String> map = p.toMap();
    assertEquals(List.of("appid", "partnerid", "prepayid", "package", "noncestr", "timestamp", "sign"),
        List.copyOf(map.keySet()));
    assertEquals("Sign=WXPay", map.get("package"));
  }

  @Test
  void jsonNamesMatchTheClientApis() {
    Moshi moshi = new Moshi.Builder().build();
    String jsapi = moshi.adapter(JsapiPayParams.class).toJson(rsa.jsapi(APP_ID, PREPAY_ID));
    assertTrue(jsapi.contains("\"package\":\"prepay_id=" + PREPAY_ID + "\""), jsapi);
    assertTrue(jsapi.contains("\"timeStamp\":\"1414561699\""), jsapi);
    String app = moshi.adapter(AppPayParams.class).toJson(rsa.app(APP_ID, "1900000109", PREPAY_ID));
    assertTrue(app.contains("\"package\":\"Sign=WXPay\""), app);
    assertTrue(app.contains("\"partnerid\":\"1900000109\""), app);
    assertTrue(app.contains("\"noncestr\":"), app);
  }

  @Test
  void noncesAreFresh() {
    assertNotEquals(rsa.jsapi(APP_ID, PREPAY_ID).nonceStr(), rsa.jsapi(APP_ID, PREPAY_ID).nonceStr());
  }

  @Test
  void sm2KeysSignWithSm2() throws Exception {
    KeyPair sm2 = TestKeys.sm2();
    PaymentSigner signer = new PaymentSigner(sm2.getPrivate(), CLOCK, null);
    assertEquals("PaymentSigner[SM2]", signer.toString());
    JsapiPayParams p = signer.jsapi(APP_ID, PREPAY_ID);
    assertEquals("SM2", p.signType());
    String message = APP_ID + "\n1414561699\n" + p.nonceStr() + "\nprepay_id=" + PREPAY_ID + "\n";
    Signature bc = Signature.getInstance("SM3withSM2", TestKeys.BC);
    bc.initVerify(sm2.getPublic());
    bc.update(utf8(message));
    assertTrue(bc.verify(Base64.getDecoder().decode(p.paySign())));
  }

  @Test
  void idsWithLineBreaksOrEmptyAreRejected() {
    for (String bad : new String[] {"", "wx1\n", "wx\r1", "\r\n"}) {
      assertThrows(IllegalArgumentException.class, () -> rsa.jsapi(bad, PREPAY_ID), bad);
      assertThrows(IllegalArgumentException.class, () -> rsa.jsapi(APP_ID, bad), bad);
      assertThrows(IllegalArgumentException.class, () -> rsa.app(bad, "1900000109", PREPAY_ID), bad);
      assertThrows(IllegalArgumentException.class, () -> rsa.app(APP_ID, bad, PREPAY_ID), bad);
      assertThrows(IllegalArgumentException.class, () -> rsa.app(APP_ID, "1900000109", bad), bad);
    }
  }

  @Test
  void otherKeysAreRejectedAndToStringHidesTheKey() {
    assertThrows(IllegalArgumentException.class,
        () -> new PaymentSigner(TestKeys.ec("secp256r1").getPrivate(), CLOCK, null));
    assertEquals("PaymentSigner[RSA]", rsa.toString());
  }

  private static boolean jdkVerify(PublicKey key, String message, String signatureBase64) throws Exception {
    Signature jdk = Signature.getInstance("SHA256withRSA");
    jdk.initVerify(key);
    jdk.update(utf8(message));
    return jdk.verify(Base64.getDecoder().decode(signatureBase64));
  }
}
