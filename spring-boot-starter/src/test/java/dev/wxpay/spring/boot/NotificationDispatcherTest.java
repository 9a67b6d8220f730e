package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponseJsonAdapter;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.WechatPaySandbox;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answers that need a body the sandbox does not make: signed correctly (here with the JDK's own
 * {@code Signature} and WeChat Pay's key pair, which the test gave the sandbox) but not a notification.
 */
class NotificationDispatcherTest {

  private static KeyPair wechatPay;
  private static WechatPaySandbox sandbox;
  private static WechatPay client;

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    wechatPay = rsa.generateKeyPair();
    sandbox = WechatPaySandbox.builder().wechatpayKeyPair(wechatPay).start();
    client = sandbox.client();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  private static NotificationDispatcher dispatcher() {
    WxpayNotificationHandler<OutTradeNoByOutTradeNoResponse> paid = WxpayNotificationHandler.of(
        "TRANSACTION.SUCCESS", OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE, notification -> {});
    return new NotificationDispatcher("default", client.notifications(), Map.of("TRANSACTION.SUCCESS", paid));
  }

  /** The headers WeChat Pay sends, over {@code TIMESTAMP\nNONCE\nBODY\n}, signed with its private key. */
  private static Map<String, String> signed(String body) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(wechatPay.getPrivate());
    signature.update((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Wechatpay-Timestamp", timestamp);
    headers.put("Wechatpay-Nonce", nonce);
    headers.put("Wechatpay-Serial", sandbox.wechatpayPublicKeyId());
    headers.put("Wechatpay-Signature", Base64.getEncoder().encodeToString(signature.sign()));
    return headers;
  }

  @Test
  void aSignedBodyThatIsNoNotificationIsAnswered400() throws Exception {
    String body = "{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\"}";
    NotificationDispatcher.Answer answer =
        dispatcher().dispatch(signed(body)::get, body.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"code\":\"FAIL\",\"message\":\"not a notification\"}");
  }

  @Test
  void theSameBodyWithOneByteChangedIsAnswered401() throws Exception {
    String body = "{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\"}";
    Map<String, String> headers = signed(body);
    NotificationDispatcher.Answer answer =
        dispatcher().dispatch(headers::get, body.replace("EV-1", "EV-2").getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(401);
  }
}
