package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** The health of one {@link WechatPay} for Spring Boot 3's actuator; see {@link KeyHealth}. */
final class WechatPayHealthIndicator extends AbstractHealthIndicator {
  private final WechatPay client;

  WechatPayHealthIndicator(WechatPay client) {
    super("WeChat Pay key status check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    KeyHealth health = KeyHealth.of(client);
    (health.up() ? builder.up() : builder.down()).withDetails(health.details());
  }
}
