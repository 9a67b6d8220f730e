package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import dev.wxpay.testkit.spring.AutoConfigureWxpaySandbox;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWxpaySandbox
class CheckoutTest {
  @Autowired WechatPaySandbox sandbox;
  @Autowired Checkout checkout;
  @Autowired ShopApplication shop;
  @LocalServerPort int port;

  @Test
  void theOrderIsSignedAndThePageGetsItsParameters() {
    sandbox.stub("POST", "/v3/pay/transactions/jsapi", StubResponse.json("{\"prepay_id\":\"wx1\"}"));
    assertEquals("prepay_id=wx1", checkout.order("SHOP1", 1800, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o").get("package"));
    assertTrue(sandbox.lastRequest().signatureValid());
  }

  @Test
  void thePaymentNotificationIsTaken() {
    URI notify = URI.create("http://127.0.0.1:" + port + "/wxpay/notifications");
    var paid = sandbox.notification("TRANSACTION.SUCCESS", "支付成功",
        "{\"mchid\":\"" + sandbox.mchid() + "\",\"out_trade_no\":\"SHOP2\",\"trade_state\":\"SUCCESS\"}");
    assertEquals(204, sandbox.postNotification(notify, paid));
    assertEquals(401, sandbox.postNotification(notify, paid.signTestProbe()));
    assertTrue(shop.paid.contains("SHOP2"));
  }
}
