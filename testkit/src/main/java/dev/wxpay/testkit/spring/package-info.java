/**
 * Spring test support: {@link dev.wxpay.testkit.spring.AutoConfigureWxpaySandbox} puts sandboxes in place of
 * WeChat Pay in a Spring Boot test context. Needs spring-test and Spring Boot on the class path; nothing else in
 * the testkit does.
 */
@NullMarked
package dev.wxpay.testkit.spring;

import org.jspecify.annotations.NullMarked;
