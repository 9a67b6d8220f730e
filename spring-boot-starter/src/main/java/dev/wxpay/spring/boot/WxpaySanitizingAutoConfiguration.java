package dev.wxpay.spring.boot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the wxpay secrets in {@code /actuator/configprops} and {@code /actuator/env} whatever their
 * {@code show-values} setting, when the actuator is present: on its own, since a key in the configuration
 * is secret whether or not a client or a health indicator is made from it.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class WxpaySanitizingAutoConfiguration {

  @Bean
  public SanitizingFunction wxpaySanitizingFunction() {
    return new WxpaySanitizingFunction();
  }
}
