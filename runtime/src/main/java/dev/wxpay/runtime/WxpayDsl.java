package dev.wxpay.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks wxpay's generated Kotlin DSL classes. As a Kotlin {@code @DslMarker}, it keeps an outer builder's
 * properties out of reach inside a nested block, so {@code stockUseRule { stockName = "x" }} does not
 * compile instead of silently setting the outer field.
 */
@kotlin.DslMarker
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WxpayDsl {}
