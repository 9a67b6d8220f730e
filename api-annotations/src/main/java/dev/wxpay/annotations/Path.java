package dev.wxpay.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to a placeholder of the {@link Endpoint} path. The value is percent-encoded as one
 * path segment: it can never add a segment, a query or a fragment. Empty values are rejected.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Path {
  /** The placeholder name, without {@code <>} or {@code {}}. */
  String value();
}
