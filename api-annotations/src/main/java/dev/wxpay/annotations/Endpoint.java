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
 *
 * <p>The path is resolved against the base URI of the endpoint's {@link #host()}: the mainland host unless
 * the declaration says otherwise, as the Hong Kong API's do:
 * {@code @Endpoint(value = "hk/v3/transactions/app", host = Host.HONG_KONG)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Endpoint {
  String value();

  /**
   * The host that serves this endpoint; {@link Host#MAINLAND} by default. A path under {@code hk/} must say
   * {@link Host#HONG_KONG}: only that host serves it.
   */
  Host host() default Host.MAINLAND;
}
