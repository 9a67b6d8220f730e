package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.health.CompositeHealthContributorConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The health contributor {@code wxpay}, when the actuator is present: one indicator per {@link WechatPay}
 * bean (a composite keyed by bean name when there are several), DOWN when a client has no WeChat Pay key
 * that verifies answers now or its merchant key cannot sign. Off with {@code management.health.wxpay.enabled=false}.
 */
@AutoConfiguration(after = WxpayAutoConfiguration.class)
// Both jars: the indicator's type is the actuator's, the configuration's base the actuator auto-configuration's.
@ConditionalOnClass({HealthIndicator.class, CompositeHealthContributorConfiguration.class})
@ConditionalOnEnabledHealthIndicator("wxpay")
@ConditionalOnBean(WechatPay.class)
public class WxpayHealthAutoConfiguration
    extends CompositeHealthContributorConfiguration<WechatPayHealthIndicator, WechatPay> {

  public WxpayHealthAutoConfiguration() {
    super(WechatPayHealthIndicator::new);
  }

  /** Named so that the actuator shows it as {@code wxpay}. */
  @Bean
  @ConditionalOnMissingBean(name = {"wxpayHealthIndicator", "wxpayHealthContributor"})
  public HealthContributor wxpayHealthContributor(Map<String, WechatPay> clients) {
    return createContributor(clients);
  }
}
