package dev.wxpay.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON number of an enum constant. When every constant of an enum carries it, the enum is written
 * and read as that JSON number ({@code 3}, not {@code "THREE"}), and a query parameter sends its digits;
 * a number this version does not know reads as null, like an unknown name. Without it on any constant,
 * an enum is written by name, or by Moshi's {@code @Json(name = ...)}.
 *
 * <pre>{@code
 * public enum Installments { @JsonNumber(3) THREE, @JsonNumber(6) SIX, @JsonNumber(12) TWELVE }
 * }</pre>
 *
 * <p>The processor refuses it on only some constants of an enum, the same number on two constants, and
 * {@code @Json(name = ...)} beside it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface JsonNumber {
  int value();
}
