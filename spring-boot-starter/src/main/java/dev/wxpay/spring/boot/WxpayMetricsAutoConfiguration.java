package dev.wxpay.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link WxpayMetrics} when Micrometer is present and the application has a {@link MeterRegistry}; the
 * auto-configured client then records its calls. After Boot's registries (named, as the actuator is optional;
 * Boot 3's and Boot 4's), before the client that uses it.
 */
@AutoConfiguration(before = WxpayAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
    // Spring Boot 4's, which moved to spring-boot-micrometer-metrics.
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class WxpayMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public WxpayMetrics wxpayMetrics(MeterRegistry registry) {
    return new WxpayMetrics(registry);
  }
}
