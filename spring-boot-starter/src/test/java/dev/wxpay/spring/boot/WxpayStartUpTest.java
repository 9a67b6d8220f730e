package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.WechatPaySandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A whole {@link SpringApplication} start, as an application runs it: the auto-configuration is found through
 * its imports file, and a bad property is the headline of the failure report.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxpayStartUpTest {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  /** The same tests run on Boot 3.5 and, from boot4-tests, on Boot 4: each build names the one it means. */
  @Test
  void runsOnTheSpringBootVersionTheBuildNames() {
    String expected = System.getProperty("wxpay.test.spring-boot.version");
    assumeTrue(expected != null, "run outside Maven");
    assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
  }

  @Test
  void theAutoConfigurationIsFoundThroughItsImportsFile() {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start()) {
      try (ConfigurableApplicationContext context = app().run(
          "--wxpay.mchid=" + sandbox.mchid(),
          "--wxpay.merchant-serial-no=" + sandbox.merchantSerialNo(),
          "--wxpay.private-key-pem=" + sandbox.merchantPrivateKeyPem(),
          "--wxpay.public-key-id=" + sandbox.wechatpayPublicKeyId(),
          "--wxpay.public-key=" + sandbox.wechatpayPublicKeyPem(),
          "--wxpay.base-uri=" + sandbox.baseUri())) {
        assertThat(context.getBean(WechatPay.class).mchid()).isEqualTo(sandbox.mchid());
        // Closed with the context: stops a certificate refresher and the transport it made.
        assertThat(context.getBeanFactory().getBeanDefinition("wechatPay").getDestroyMethodName())
            .isEqualTo("close");
      }
    }
  }

  @Test
  void aBadKeyIsTheHeadlineOfTheFailureReport(CapturedOutput output) {
    assertThatThrownBy(() -> app().run(
        "--wxpay.mchid=1900000001",
        "--wxpay.merchant-serial-no=ABC",
        "--wxpay.private-key-pem=-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        "--wxpay.public-key-id=PUB_KEY_ID_0119000000012025",
        "--wxpay.public-key=classpath:nowhere.pem"));
    assertThat(output).contains("APPLICATION FAILED TO START",
        "The WeChat Pay client could not be made: wxpay.private-key-pem: not a PEM private key (",
        "Fix the property wxpay.private-key-pem");
  }

  private static SpringApplication app() {
    SpringApplication app = new SpringApplication(App.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    return app;
  }
}
