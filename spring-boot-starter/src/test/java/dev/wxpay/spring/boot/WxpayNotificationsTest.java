package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponseJsonAdapter;
import dev.wxpay.testkit.SandboxNotification;
import dev.wxpay.testkit.WechatPaySandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

/**
 * The notification endpoint in a running application (Tomcat on a free port), with the sandbox posting as
 * WeChat Pay does: the answers WeChat Pay acts on (204 delivered; 401, 400, 500 and 413 sent again later).
 */
class WxpayNotificationsTest {

  static WechatPaySandbox shopA;
  private static WechatPaySandbox shopB;
  private static final String PAID = """
      {"mchid":"%s","out_trade_no":"1217752501201407033233368018","transaction_id":"4200000001",
       "trade_state":"SUCCESS","amount":{"total":100,"payer_total":100,"currency":"CNY","payer_currency":"CNY"}}""";

  private ConfigurableApplicationContext app;

  @BeforeAll
  static void startSandboxes() {
    shopA = WechatPaySandbox.builder().mchid("1900000101").start();
    shopB = WechatPaySandbox.builder().mchid("1900000102").start();
  }

  @AfterAll
  static void stopSandboxes() {
    shopA.close();
    shopB.close();
  }

  @AfterEach
  void stopApp() {
    if (app != null) {
      app.close();
    }
  }

  /** A shop that records what it was handed; fails the first {@code failures} deliveries. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Shop {
    static final List<WxpayNotification<OutTradeNoByOutTradeNoResponse>> PAID = new CopyOnWriteArrayList<>();
    static final AtomicInteger FAILURES = new AtomicInteger();

    @Bean
    WxpayNotificationHandler<OutTradeNoByOutTradeNoResponse> paid() {
      return WxpayNotificationHandler.of("TRANSACTION.SUCCESS", OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE,
          notification -> {
            if (FAILURES.getAndDecrement() > 0) {
              throw new IllegalStateException("the order database is down");
            }
            PAID.add(notification);
          });
    }
  }

  private static List<String> merchant(String prefix, WechatPaySandbox sandbox, boolean apiV3Key) {
    List<String> properties = new ArrayList<>(List.of(
        prefix + "mchid=" + sandbox.mchid(),
        prefix + "merchant-serial-no=" + sandbox.merchantSerialNo(),
        prefix + "private-key-pem=" + sandbox.merchantPrivateKeyPem(),
        prefix + "public-key-id=" + sandbox.wechatpayPublicKeyId(),
        prefix + "public-key=" + sandbox.wechatpayPublicKeyPem(),
        prefix + "base-uri=" + sandbox.baseUri()));
    if (apiV3Key) {
      properties.add(prefix + "api-v3-key=" + sandbox.apiV3Key());
    }
    return properties;
  }

  ConfigurableApplicationContext start(Class<?> configuration, List<String> properties) {
    Shop.PAID.clear();
    Shop.FAILURES.set(0);
    List<String> all = new ArrayList<>(properties);
    all.add("server.port=0");
    all.add("spring.main.banner-mode=off");
    app = new SpringApplicationBuilder(configuration).web(webApplicationType())
        .properties(all.toArray(String[]::new)).run();
    return app;
  }

  /** Spring MVC on Tomcat here; {@link WxpayReactiveNotificationsTest} runs every test again on WebFlux. */
  WebApplicationType webApplicationType() {
    return WebApplicationType.SERVLET;
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
  }

  private static SandboxNotification paid(WechatPaySandbox sandbox) {
    return sandbox.notification("TRANSACTION.SUCCESS", "支付成功", PAID.formatted(sandbox.mchid()));
  }

  @Test
  void aPaymentIsVerifiedDecodedHandedOverAndAnswered204() {
    start(Shop.class, merchant("wxpay.", shopA, true));
    SandboxNotification notification = paid(shopA);
    assertThat(shopA.postNotification(url("/wxpay/notifications"), notification)).isEqualTo(204);

    assertThat(Shop.PAID).hasSize(1);
    WxpayNotification<OutTradeNoByOutTradeNoResponse> received = Shop.PAID.get(0);
    assertThat(received.merchant()).isEqualTo("default");
    assertThat(received.eventType()).isEqualTo("TRANSACTION.SUCCESS");
    assertThat(received.id()).isEqualTo(notification.bodyAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
    assertThat(received.resource().outTradeNo()).isEqualTo("1217752501201407033233368018");
    assertThat(received.resource().amount().total()).isEqualTo(100);
  }

  @Test
  void whatFailsVerificationIsAnswered401AndNeverHandedOver() {
    start(Shop.class, merchant("wxpay.", shopA, true));
    URI url = url("/wxpay/notifications");
    assertThat(shopA.postNotification(url, paid(shopA).tamperSignature())).isEqualTo(401);
    assertThat(shopA.postNotification(url, paid(shopA).tamperBody())).isEqualTo(401);
    assertThat(shopA.postNotification(url, paid(shopA).signTestProbe())).isEqualTo(401);
    assertThat(shopA.postNotification(url, paid(shopA).skewTimestamp(java.time.Duration.ofMinutes(6))))
        .isEqualTo(401);
    assertThat(shopA.postNotification(url, paid(shopA).withoutHeader("Wechatpay-Signature"))).isEqualTo(401);
    // Signed by another merchant's WeChat Pay key: unknown serial.
    assertThat(shopA.postNotification(url, paid(shopB))).isEqualTo(401);
    assertThat(Shop.PAID).isEmpty();
  }

  @Test
  void aFailingHandlerIsAnswered500AndTheSameNotificationIsTakenOnTheNextDelivery() throws Exception {
    start(Shop.class, merchant("wxpay.", shopA, true));
    Shop.FAILURES.set(1);
    SandboxNotification notification = paid(shopA);
    HttpResponse<String> first = post(url("/wxpay/notifications"), notification);
    assertThat(first.statusCode()).isEqualTo(500);
    // WeChat Pay's failure shape, and nothing of the exception.
    assertThat(first.body()).isEqualTo("{\"code\":\"FAIL\",\"message\":\"handler failed\"}");
    assertThat(Shop.PAID).isEmpty();

    assertThat(shopA.postNotification(url("/wxpay/notifications"), notification)).isEqualTo(204);
    assertThat(Shop.PAID).hasSize(1);
  }

  @Test
  void anEventWithoutAHandlerIsAnswered500SoItComesAgain() {
    start(Shop.class, merchant("wxpay.", shopA, true));
    SandboxNotification refund = shopA.notification("REFUND.SUCCESS", "退款成功", "{\"out_refund_no\":\"r1\"}",
        "refund");
    assertThat(shopA.postNotification(url("/wxpay/notifications"), refund)).isEqualTo(500);
  }

  @Test
  void anUnsignedBodyIsAnswered401AndAnOversizedOne413() throws Exception {
    start(Shop.class, merchant("wxpay.", shopA, true));
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> notJson = client.send(HttpRequest.newBuilder(url("/wxpay/notifications"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    // Unsigned: verification comes first, so it is a 401, never a parse of an unverified body.
    assertThat(notJson.statusCode()).isEqualTo(401);
    HttpResponse<String> huge = client.send(HttpRequest.newBuilder(url("/wxpay/notifications"))
            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(65 * 1024))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  @Test
  void eachNamedMerchantHasItsOwnPathAndKeys() {
    List<String> properties = new ArrayList<>(merchant("wxpay.", shopA, true));
    properties.addAll(merchant("wxpay.merchants.shop-b.", shopB, true));
    start(Shop.class, properties);
    assertThat(shopB.postNotification(url("/wxpay/notifications/shop-b"), paid(shopB))).isEqualTo(204);
    assertThat(Shop.PAID).extracting(WxpayNotification::merchant).containsExactly("shop-b");
    assertThat(shopB.postNotification(url("/wxpay/notifications"), paid(shopB))).isEqualTo(401);
    assertThat(shopA.postNotification(url("/wxpay/notifications/shop-b"), paid(shopA))).isEqualTo(401);
    assertThat(shopA.postNotification(url("/wxpay/notifications"), paid(shopA))).isEqualTo(204);
    assertThat(Shop.PAID).extracting(WxpayNotification::merchant).containsExactly("shop-b", "default");
  }

  @Test
  void namedMerchantsAloneAreServedAtTheirOwnPaths() {
    // No default merchant: the named ones are declared early enough for the endpoint's condition, and a
    // lone named merchant is at /<name> all the same, so adding another later moves nothing.
    start(Shop.class, merchant("wxpay.merchants.shop-b.", shopB, true));
    assertThat(shopB.postNotification(url("/wxpay/notifications/shop-b"), paid(shopB))).isEqualTo(204);
    assertThat(shopB.postNotification(url("/wxpay/notifications"), paid(shopB))).isEqualTo(404);
    assertThat(Shop.PAID).extracting(WxpayNotification::merchant).containsExactly("shop-b");
  }

  @Test
  void aStreamedBodyOverTheLimitIsAnswered413() throws Exception {
    start(Shop.class, merchant("wxpay.", shopA, true));
    // No Content-Length: the limit is met while reading, not by the header.
    HttpResponse<String> huge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/wxpay/notifications"))
            .POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(new byte[65 * 1024]))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body()).isEqualTo("{\"code\":\"FAIL\",\"message\":\"too large\"}");
  }

  @Test
  void theBasePathCanBeChanged() {
    List<String> properties = new ArrayList<>(merchant("wxpay.", shopA, true));
    properties.add("wxpay.notifications.path=/pay/callback");
    start(Shop.class, properties);
    assertThat(shopA.postNotification(url("/pay/callback"), paid(shopA))).isEqualTo(204);
  }

  @Test
  void aHandlerWithoutTheApiV3KeyFailsStartUpNamingTheProperty() {
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
        () -> start(Shop.class, merchant("wxpay.", shopA, false)));
    InvalidWxpayPropertyException invalid = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidWxpayPropertyException found) {
        invalid = found;
      }
    }
    assertThat(invalid).isNotNull();
    assertThat(invalid.getProperty()).isEqualTo("wxpay.api-v3-key");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class TwoHandlersForOneEvent extends Shop {
    @Bean
    WxpayNotificationHandler<OutTradeNoByOutTradeNoResponse> paidAgain() {
      return WxpayNotificationHandler.of("TRANSACTION.SUCCESS", OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE,
          notification -> {});
    }
  }

  @Test
  void twoHandlersOfOneEventTypeFailStartUp() {
    assertThatThrownBy(() -> start(TwoHandlersForOneEvent.class, merchant("wxpay.", shopA, true)))
        .hasStackTraceContaining("two WxpayNotificationHandler beans handle TRANSACTION.SUCCESS");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class NoHandler {}

  @Test
  void withoutAHandlerThereIsNoEndpoint() {
    start(NoHandler.class, merchant("wxpay.", shopA, true));
    assertThat(shopA.postNotification(url("/wxpay/notifications"), paid(shopA))).isEqualTo(404);
  }

  @Test
  void aNonServletApplicationServesNoEndpoint() {
    Shop.PAID.clear();
    List<String> properties = new ArrayList<>(merchant("wxpay.", shopA, true));
    properties.add("spring.main.banner-mode=off");
    // Spring MVC is on the class path, but the application is not a servlet one: the web condition alone
    // keeps the endpoint out (an annotation whose class is missing is dropped silently: this catches a move).
    app = new SpringApplicationBuilder(Shop.class).web(WebApplicationType.NONE)
        .properties(properties.toArray(String[]::new)).run();
    assertThat(app.getBeansOfType(WxpayNotificationHandler.class)).hasSize(1);
    assertThat(app.getBeansOfType(RouterFunction.class)).isEmpty();
  }

  private static HttpResponse<String> post(URI url, SandboxNotification notification) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()))
        .header("Content-Type", "application/json");
    notification.headers().forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
