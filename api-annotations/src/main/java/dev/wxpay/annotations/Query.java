package dev.wxpay.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a parameter as a query parameter. With a name, the parameter is a scalar (string, number,
 * boolean, enum or date-time) or a {@code List} of scalars. Without a name, the parameter is a record whose
 * components (scalars or lists of scalars) become query parameters, named like its JSON fields. Null values
 * and empty lists are left out. A list is one parameter, its values percent-encoded one by one and joined
 * with {@code ,} (Swagger 2.0's default {@code collectionFormat: csv}): {@code types=A,B}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Query {
  /** The query parameter name; empty for a record of query parameters. */
  String value() default "";
}
