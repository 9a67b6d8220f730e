/**
 * The Spring Boot starter: {@code WechatPay} and endpoint beans from {@code wxpay.*} properties, the notification
 * endpoint ({@link dev.wxpay.spring.boot.WxpayNotificationHandler}), health, metrics and masking of secrets.
 */
@NullMarked
package dev.wxpay.spring.boot;

import org.jspecify.annotations.NullMarked;
