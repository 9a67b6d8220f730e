package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Every notification test again, in a WebFlux application on Reactor Netty: the same paths and answers. */
class WxpayReactiveNotificationsTest extends WxpayNotificationsTest {

  @Override
  WebApplicationType webApplicationType() {
    return WebApplicationType.REACTIVE;
  }

  @Test
  void theRouteIsWebFluxs() {
    ConfigurableApplicationContext app = start(Shop.class, List.of(
        "wxpay.mchid=1900000101", "wxpay.merchant-serial-no=1",
        "wxpay.private-key-pem=" + shopA.merchantPrivateKeyPem(), "wxpay.public-key-id=" + shopA.wechatpayPublicKeyId(),
        "wxpay.public-key=" + shopA.wechatpayPublicKeyPem(), "wxpay.api-v3-key=" + shopA.apiV3Key()));
    assertThat(app.getBean("wxpayNotificationRoutes"))
        .isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class);
  }
}
