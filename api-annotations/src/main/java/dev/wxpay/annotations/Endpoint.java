package dev.wxpay.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an interface as a WeChat Pay endpoint. The value is the path relative to the API base, for
 * example {@code "v3/marketing/favor/stocks/<stock_id>/restart"}. Placeholders may be written
 * {@code <name>} or {@code {name}}; each must be bound by exactly one {@link Path} parameter of every method.
 * A trailing {@code /} is part of the URL and is kept ({@code "v3/applyment4sub/applyment/"}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Endpoint {
  String value();
}
