package dev.wxpay.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for the builder and JSON adapter of a record that no endpoint uses, such as the resource of a
 * notification: {@code @Model record Transaction(...)} gets {@code TransactionJsonAdapter} for
 * {@code Notification.resource(TransactionJsonAdapter.INSTANCE)}. Records an {@link Endpoint} takes get
 * both without it; records it only returns get their adapter, and their builder only with
 * {@code @Model} (for code that builds an answer, such as a test faking one).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {}
