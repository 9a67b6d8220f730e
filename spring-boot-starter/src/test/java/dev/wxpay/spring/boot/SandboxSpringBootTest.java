package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wxpay.endpoints.v3.pay.transactions.Jsapi;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponseJsonAdapter;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import dev.wxpay.testkit.spring.AutoConfigureWxpaySandbox;
import dev.wxpay.testkit.spring.WxpaySandboxes;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A test as an application writes it: its configuration names real key files that do not exist here, and
 * {@code @AutoConfigureWxpaySandbox} puts a sandbox per merchant in place of WeChat Pay.
 */
@SpringBootTest(classes = SandboxSpringBootTest.Shop.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "wxpay.mchid=1900000042",
        "wxpay.merchant-serial-no=REAL_SERIAL",
        "wxpay.private-key=file:/etc/wxpay/apiclient_key.pem",
        "wxpay.public-key-id=PUB_KEY_ID_REAL",
        "wxpay.public-key=file:/etc/wxpay/pub_key.pem",
        "wxpay.merchants.shop-b.mchid=1900000043",
        "wxpay.merchants.shop-b.merchant-serial-no=REAL_SERIAL_B",
        "wxpay.merchants.shop-b.private-key=file:/etc/wxpay/b/apiclient_key.pem",
        "wxpay.merchants.shop-b.platform-certificates=true",
        "wxpay.merchants.shop-b.backup-base-uri=https://api2.wechatpay.cn/",
    })
@AutoConfigureWxpaySandbox
class SandboxSpringBootTest {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Shop {
    final List<WxpayNotification<OutTradeNoByOutTradeNoResponse>> paid = new CopyOnWriteArrayList<>();

    @Bean
    WxpayNotificationHandler<OutTradeNoByOutTradeNoResponse> paid() {
      return WxpayNotificationHandler.of("TRANSACTION.SUCCESS", OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE,
          paid::add);
    }
  }

  @Autowired
  WechatPaySandbox sandbox;
  @Autowired
  WxpaySandboxes sandboxes;
  @Autowired
  Jsapi jsapi;
  @Autowired
  @Qualifier("shop-b")
  Jsapi shopBJsapi;
  @Autowired
  @Qualifier("shop-b")
  WechatPay shopB;
  @Autowired
  Shop shop;
  @LocalServerPort
  int port;

  @BeforeEach
  void clear() {
    sandboxes.clear();
    shop.paid.clear();
  }

  @Test
  void eachMerchantTalksToItsSandboxWithItsConfiguredMchid() {
    assertThat(sandboxes.merchants()).containsExactlyInAnyOrder("default", "shop-b");
    assertThat(sandbox).isSameAs(sandboxes.of("default"));
    assertThat(sandbox.mchid()).isEqualTo("1900000042");
    assertThat(sandboxes.of("shop-b").mchid()).isEqualTo("1900000043");
    assertThat(shopB.baseUri()).isEqualTo(sandboxes.of("shop-b").baseUri());

    for (String merchant : List.of("default", "shop-b")) {
      sandboxes.of(merchant).stub("POST", "/v3/pay/transactions/jsapi",
          StubResponse.json("{\"prepay_id\":\"wx_" + merchant + "\"}"));
    }
    JsapiResponse order = jsapi.post(b -> b.appid("wxd678efh567hg6787").mchid("1900000042")
        .description("latte").outTradeNo("o1").notifyUrl("https://shop.example.com/wxpay/notifications")
        .amount(a -> a.total(1800)).payer(p -> p.openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")));
    assertThat(order.prepayId()).isEqualTo("wx_default");
    RecordedRequest request = sandbox.lastRequest();
    assertThat(request.signatureValid()).as(String.valueOf(request.rejection())).isTrue();

    assertThat(shopBJsapi.post(b -> b.appid("wxd678efh567hg6787").mchid("1900000043")
        .description("latte").outTradeNo("o2").notifyUrl("https://shop.example.com/wxpay/notifications/shop-b")
        .amount(a -> a.total(1800)).payer(p -> p.openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"))).prepayId())
        .isEqualTo("wx_shop-b");
    // The application's platform-certificates=true gave way to the sandbox's public key: no download.
    assertThat(sandboxes.of("shop-b").requests()).extracting(RecordedRequest::uri)
        .containsExactly("/v3/pay/transactions/jsapi");
  }

  @Test
  void theSandboxPostsANotificationToTheRunningApplication() {
    URI url = URI.create("http://127.0.0.1:" + port + "/wxpay/notifications");
    var notification = sandbox.notification("TRANSACTION.SUCCESS", "支付成功",
        "{\"mchid\":\"1900000042\",\"out_trade_no\":\"o1\",\"trade_state\":\"SUCCESS\"}");
    assertThat(sandbox.postNotification(url, notification)).isEqualTo(204);
    assertThat(sandbox.postNotification(url, notification.signTestProbe())).isEqualTo(401);
    assertThat(shop.paid).singleElement().satisfies(paid -> assertThat(paid.resource().outTradeNo()).isEqualTo("o1"));
  }
}
