package dev.wxpay.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sensitive string field (a name, an ID card or bank account number...). In a request the
 * generated code encrypts it under WeChat Pay's public key or newest platform certificate (RSA-OAEP, or
 * SM2 in SM mode) and the call names that key in {@code Wechatpay-Serial}; in a response it is decrypted
 * with the merchant private key. A record with such a field must override {@code toString()} so the
 * plain text never reaches a log.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Encrypted {}
