package dev.wxpay.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a download whose answer WeChat Pay does not sign, such as {@code v3/billdownload/file}. Every
 * other answer is verified; this is the one explicit exception. The method returns
 * {@code dev.wxpay.runtime.Download} (or a {@code CompletableFuture} of it), which checks the file
 * against a {@code DownloadHash} parameter, the hash the signed bill request returned.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface UnsignedResponse {}
