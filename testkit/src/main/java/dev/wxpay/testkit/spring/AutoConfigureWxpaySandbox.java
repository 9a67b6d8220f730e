package dev.wxpay.testkit.spring;

import dev.wxpay.testkit.SandboxVerification;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test class ({@code @SpringBootTest} and the like): a {@link dev.wxpay.testkit.WechatPaySandbox}
 * per merchant stands in for WeChat Pay. Before the context starts, each merchant's {@code wxpay.*}
 * credentials and hosts are replaced by its sandbox's (the configured {@code mchid} is kept), so the
 * application's own configuration, real keys or none, is never used. The sandboxes are beans:
 * {@code WechatPaySandbox} for the default merchant, {@link WxpaySandboxes} for all of them.
 *
 * <p>Merchants are those named in the configuration ({@code wxpay.mchid}, {@code wxpay.merchants.<name>.*});
 * with none, a default merchant is configured.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureWxpaySandbox {

  /** How the sandboxes sign: with a WeChat Pay public key (default) or platform certificates. */
  SandboxVerification verification() default SandboxVerification.PUBLIC_KEY;
}
