package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The health of one {@link WechatPay} for Spring Boot 4's actuator (spring-boot-health); see {@link KeyHealth}. */
final class WechatPayBoot4HealthIndicator extends AbstractHealthIndicator {
  private final WechatPay client;

  WechatPayBoot4HealthIndicator(WechatPay client) {
    super("WeChat Pay key status check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    KeyHealth health = KeyHealth.of(client);
    (health.up() ? builder.up() : builder.down()).withDetails(health.details());
  }
}
