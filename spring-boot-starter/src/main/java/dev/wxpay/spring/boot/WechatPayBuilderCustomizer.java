package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;

/**
 * Adjusts the auto-configured {@link WechatPay.Builder} after the {@code wxpay.*} properties are applied
 * and before {@code build()}: a transport, a call listener, an RSA provider, a clock. Declare one or more
 * as beans; they run in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface WechatPayBuilderCustomizer {

  void customize(WechatPay.Builder builder);
}
