package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutTest {
  @Test
  void ordersAndPausesAgainstTheSandbox() throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start(); WechatPay wxpay = sandbox.client()) {
      sandbox.stub("POST", "/v3/pay/transactions/jsapi",
          StubResponse.json("{\"prepay_id\":\"wx201410272009395522657a690389285100\"}"));
      sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/pause",
          StubResponse.json("{\"stock_id\":\"9856000\",\"pause_time\":\"2015-05-20T13:29:35.120+08:00\"}"));
      Checkout checkout = new Checkout(wxpay, "wxd678efh567hg6787");

      Map<String, String> page = checkout.order("1217752501201407033233368018", 1_800, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
      RecordedRequest order = sandbox.lastRequest();
      PauseStock.Response paused = checkout.pause("9856000");

      assertEquals("prepay_id=wx201410272009395522657a690389285100", page.get("package"));
      assertTrue(order.signatureValid(), order.rejection());
      assertTrue(order.bodyAsString().contains("\"amount\":{\"total\":1800,\"currency\":\"CNY\"}"), order.bodyAsString());
      assertEquals("9856000", paused.stockId());
      assertTrue(sandbox.lastRequest().signatureValid());
    }
  }
}
