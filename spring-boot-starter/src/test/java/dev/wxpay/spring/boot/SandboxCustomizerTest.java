package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wxpay.testkit.WechatPaySandbox;
import dev.wxpay.testkit.spring.AutoConfigureWxpaySandbox;
import dev.wxpay.testkit.spring.WxpaySandboxContextCustomizerFactory;
import dev.wxpay.testkit.spring.WxpaySandboxes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextCustomizer;

/** {@code @AutoConfigureWxpaySandbox} where a test class alone cannot reach: environment variables, failures. */
class SandboxCustomizerTest {

  @AutoConfigureWxpaySandbox
  static class Annotated {}

  private static ContextCustomizer customizer() {
    return new WxpaySandboxContextCustomizerFactory().createContextCustomizer(Annotated.class, List.of());
  }

  @Test
  void aMerchantConfiguredByEnvironmentVariablesTalksToASandboxToo() {
    WechatPaySandbox sandbox;
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      StandardEnvironment environment = new StandardEnvironment();
      // Named as the real one is: Spring Boot maps WXPAY_MERCHANTS_... to wxpay.merchants... only in it.
      environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
          new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
          "WXPAY_MERCHANTS_SHOPB_MCHID", "1900000077",
          "WXPAY_MERCHANTS_SHOPB_PRIVATE_KEY", "file:/etc/wxpay/b/apiclient_key.pem")));
      context.setEnvironment(environment);
      customizer().customizeContext(context, null);
      context.refresh();

      WxpaySandboxes sandboxes = context.getBean(WxpaySandboxes.class);
      // Only shopb: no default merchant is added beside the application's named one.
      assertThat(sandboxes.merchants()).containsExactly("shopb");
      sandbox = sandboxes.of("shopb");
      assertThat(sandbox.mchid()).isEqualTo("1900000077");
      assertThat(environment.getProperty("wxpay.merchants.shopb.base-uri")).isEqualTo(sandbox.baseUri().toString());
      assertThat(environment.getProperty("wxpay.merchants.shopb.private-key")).isEmpty();
    }
    assertThat(sandbox.toString()).contains("closed");
  }

  @Test
  void theSandboxesCloseWhenTheContextFailsToStart() {
    GenericApplicationContext context = new GenericApplicationContext();
    customizer().customizeContext(context, null);
    context.registerBean("broken", Object.class, () -> {
      throw new IllegalStateException("a bean that cannot be made");
    });
    Object sandbox = context.getBeanFactory().getSingleton("wechatPaySandbox");
    assertThat(sandbox).isInstanceOf(WechatPaySandbox.class).asString().doesNotContain("closed");
    assertThatThrownBy(context::refresh).hasStackTraceContaining("a bean that cannot be made");
    assertThat(sandbox).asString().contains("closed");
  }
}
