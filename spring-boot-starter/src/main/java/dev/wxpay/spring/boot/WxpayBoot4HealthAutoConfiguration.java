package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link WxpayHealthAutoConfiguration} for Spring Boot 4, whose health types moved to spring-boot-health.
 * Compiled against that jar, and read by name first: on Boot 3 the class is never loaded.
 */
@AutoConfiguration(after = WxpayAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.health.contributor.HealthIndicator",
    "org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration"})
@ConditionalOnEnabledHealthIndicator("wxpay")
@ConditionalOnBean(WechatPay.class)
public class WxpayBoot4HealthAutoConfiguration
    extends CompositeHealthContributorConfiguration<WechatPayBoot4HealthIndicator, WechatPay> {

  public WxpayBoot4HealthAutoConfiguration() {
    super(WechatPayBoot4HealthIndicator::new);
  }

  /** Named so that the actuator shows it as {@code wxpay}. */
  @Bean
  @ConditionalOnMissingBean(name = {"wxpayHealthIndicator", "wxpayHealthContributor"})
  public HealthContributor wxpayHealthContributor(Map<String, WechatPay> clients) {
    return createContributor(clients);
  }
}
