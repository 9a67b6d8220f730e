package dev.wxpay.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.SandboxNotification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import dev.wxpay.testkit.spring.AutoConfigureWxpaySandbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shop as it runs, with its own application.yml (whose key files do not exist here) and a sandbox in
 * place of WeChat Pay: a JSAPI payment end to end, and the answers WeChat Pay's notifications get.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWxpaySandbox
class ShopApplicationTest {

  @Autowired
  WechatPaySandbox sandbox;
  @Autowired
  TestRestTemplate http;
  @LocalServerPort
  int port;

  @BeforeEach
  void stub() {
    sandbox.clear();
    sandbox.stub("POST", "/v3/pay/transactions/jsapi", StubResponse.json("{\"prepay_id\":\"wx2014102720093955\"}"));
  }

  private CheckoutController.Placed place(long total) {
    return http.postForObject("/orders",
        new CheckoutController.Checkout("Example Coffee - latte", total, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"),
        CheckoutController.Placed.class);
  }

  private SandboxNotification paid(String outTradeNo, long total) {
    return sandbox.notification("TRANSACTION.SUCCESS", "支付成功", """
        {"mchid":"%s","out_trade_no":"%s","transaction_id":"4200001234","trade_state":"SUCCESS",
         "amount":{"total":%d,"payer_total":%d,"currency":"CNY","payer_currency":"CNY"}}
        """.formatted(sandbox.mchid(), outTradeNo, total, total));
  }

  private URI notifyUrl() {
    return URI.create("http://127.0.0.1:" + port + "/wxpay/notifications");
  }

  @Test
  void theOrderIsPlacedSignedWithTheMerchantKeyAndThePageParametersVerify() throws Exception {
    CheckoutController.Placed placed = place(1800);

    RecordedRequest request = sandbox.lastRequest();
    assertThat(request.signatureValid()).as(String.valueOf(request.rejection())).isTrue();
    assertThat(request.bodyAsString()).contains("\"out_trade_no\":\"" + placed.outTradeNo() + "\"",
        "\"amount\":{\"total\":1800,\"currency\":\"CNY\"}", "\"mchid\":\"" + sandbox.mchid() + "\"",
        "\"notify_url\":\"https://shop.example.com/wxpay/notifications\"");

    // The page's paySign, checked with the JDK alone against the merchant's public key.
    Map<String, String> page = placed.payment();
    assertThat(page.get("package")).isEqualTo("prepay_id=wx2014102720093955");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(sandbox.merchantPublicKey());
    rsa.update((page.get("appId") + "\n" + page.get("timeStamp") + "\n" + page.get("nonceStr") + "\n"
        + page.get("package") + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(rsa.verify(Base64.getDecoder().decode(page.get("paySign")))).isTrue();
  }

  @Test
  void thePaymentNotificationMarksTheOrderPaidOnceAndIsAnswered204() {
    CheckoutController.Placed placed = place(1800);
    assertThat(http.getForObject("/orders/" + placed.outTradeNo(), Orders.Order.class).status()).isEqualTo("NOTPAY");

    SandboxNotification notification = paid(placed.outTradeNo(), 1800);
    assertThat(sandbox.postNotification(notifyUrl(), notification)).isEqualTo(204);
    assertThat(sandbox.postNotification(notifyUrl(), notification)).isEqualTo(204);

    Orders.Order order = http.getForObject("/orders/" + placed.outTradeNo(), Orders.Order.class);
    assertThat(order.status()).isEqualTo("SUCCESS");
    assertThat(order.transactionId()).isEqualTo("4200001234");
  }

  @Test
  void forgeriesAndSignatureProbesAreAnswered401AndChangeNothing() {
    CheckoutController.Placed placed = place(1800);
    SandboxNotification notification = paid(placed.outTradeNo(), 1800);
    assertThat(sandbox.postNotification(notifyUrl(), notification.tamperBody())).isEqualTo(401);
    assertThat(sandbox.postNotification(notifyUrl(), notification.tamperSignature())).isEqualTo(401);
    assertThat(sandbox.postNotification(notifyUrl(), notification.signTestProbe())).isEqualTo(401);
    assertThat(http.getForObject("/orders/" + placed.outTradeNo(), Orders.Order.class).status()).isEqualTo("NOTPAY");
  }

  @Test
  void aPaymentThatDoesNotMatchTheOrderIsAnswered500SoWeChatPayDeliversItAgain() {
    CheckoutController.Placed placed = place(1800);
    assertThat(sandbox.postNotification(notifyUrl(), paid(placed.outTradeNo(), 1))).isEqualTo(500);
    assertThat(sandbox.postNotification(notifyUrl(), paid("SHOP-UNKNOWN", 1800))).isEqualTo(500);
    assertThat(http.getForObject("/orders/" + placed.outTradeNo(), Orders.Order.class).status()).isEqualTo("NOTPAY");
  }

  @Test
  void theDemoRunsEndToEnd() throws Exception {
    ShopDemo.run(sandbox, "http://127.0.0.1:" + port);
  }
}
