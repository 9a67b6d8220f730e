package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wxpay.testkit.WechatPaySandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The wxpay secrets are masked by the actuator's configprops and env endpoints even with {@code show-values=always},
 * which otherwise shows every value.
 */
class WxpaySanitizingAutoConfigurationTest {
  private static final String MASK = SanitizableData.SANITIZED_VALUE;

  private static WechatPaySandbox sandbox;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WxpayAutoConfiguration.class, WxpaySanitizingAutoConfiguration.class,
          ConfigurationPropertiesReportEndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
      .withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
          "management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always");

  @BeforeAll
  static void startSandbox() {
    sandbox = WechatPaySandbox.start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void configpropsMasksThePrivateKeyAndTheApiV3KeyButShowsTheRest() {
    runner.withPropertyValues(Sandboxes.publicKey(sandbox)).run(context -> {
      assertThat(context).hasNotFailed();
      Map<String, Object> properties = wxpayBean(context.getBean(ConfigurationPropertiesReportEndpoint.class))
          .getProperties();

      assertThat(properties)
          .containsEntry("privateKeyPem", MASK)
          .containsEntry("apiV3Key", MASK)
          .containsEntry("mchid", sandbox.mchid())
          .containsEntry("publicKeyId", sandbox.wechatpayPublicKeyId());
      assertThat(properties.get("publicKey")).asString().startsWith("-----BEGIN PUBLIC KEY-----");
      assertThat(properties.get("baseUri")).asString().isEqualTo(sandbox.baseUri().toString());
      assertThat(wxpayBean(context.getBean(ConfigurationPropertiesReportEndpoint.class)).getInputs().toString())
          .doesNotContain(sandbox.apiV3Key(), pemLine(sandbox.merchantPrivateKeyPem()));
    });
  }

  @Test
  void aPemGivenAsPrivateKeyIsMaskedButALocationIsShown() {
    runner.withPropertyValues(Sandboxes.publicKey(sandbox))
        .withPropertyValues("wxpay.private-key-pem=", "wxpay.private-key=" + sandbox.merchantPrivateKeyPem())
        .run(context -> {
          assertThat(wxpayBean(context.getBean(ConfigurationPropertiesReportEndpoint.class)).getProperties())
              .containsEntry("privateKey", MASK);
          assertThat(envValue(context.getBean(EnvironmentEndpoint.class), "wxpay.private-key")).isEqualTo(MASK);
        });
    runner.withPropertyValues("wxpay.private-key=file:/etc/wxpay/apiclient_key.pem").run(context ->
        assertThat(envValue(context.getBean(EnvironmentEndpoint.class), "wxpay.private-key"))
            .isEqualTo("file:/etc/wxpay/apiclient_key.pem"));
  }

  @Test
  void envMasksTheSecretsOfEveryMerchantInEverySpelling() {
    runner.withPropertyValues(Sandboxes.publicKey(sandbox))
        .withPropertyValues(
            "wxpay.merchants.shop.private-key-pem=" + sandbox.merchantPrivateKeyPem(),
            "wxpay.merchants.shop.api-v3-key=" + sandbox.apiV3Key(),
            "wxpay.merchants.shop.public-key-id=PUB_KEY_ID_0114",
            // The rest of a named merchant, which makes a client of its own.
            "wxpay.merchants.shop.mchid=" + sandbox.mchid(),
            "wxpay.merchants.shop.merchant-serial-no=" + sandbox.merchantSerialNo(),
            "wxpay.merchants.shop.public-key=" + sandbox.wechatpayPublicKeyPem(),
            "wxpayments.api-v3-key=not-ours")
        .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "WXPAY_MERCHANTS_SHOP_PRIVATE_KEY_PEM", sandbox.merchantPrivateKeyPem(),
                "WXPAY_API_V3_KEY", sandbox.apiV3Key()))))
        .run(context -> {
          EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
          assertThat(envValue(env, "wxpay.private-key-pem")).isEqualTo(MASK);
          assertThat(envValue(env, "wxpay.api-v3-key")).isEqualTo(MASK);
          assertThat(envValue(env, "wxpay.merchants.shop.private-key-pem")).isEqualTo(MASK);
          assertThat(envValue(env, "wxpay.merchants.shop.api-v3-key")).isEqualTo(MASK);
          assertThat(envValue(env, "WXPAY_MERCHANTS_SHOP_PRIVATE_KEY_PEM")).isEqualTo(MASK);
          assertThat(envValue(env, "WXPAY_API_V3_KEY")).isEqualTo(MASK);
          assertThat(envValue(env, "wxpay.mchid")).isEqualTo(sandbox.mchid());
          assertThat(envValue(env, "wxpay.merchants.shop.public-key-id")).isEqualTo("PUB_KEY_ID_0114");
          assertThat(envValue(env, "wxpayments.api-v3-key")).isEqualTo("not-ours");
          String all = String.valueOf(env.environment(null).getPropertySources().stream()
              .map(source -> source.getProperties().toString()).toList());
          assertThat(all).doesNotContain(sandbox.apiV3Key(), pemLine(sandbox.merchantPrivateKeyPem()));
        });
  }

  @Test
  void offWithoutTheActuator() {
    runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
        .run(context -> assertThat(context).doesNotHaveBean(SanitizingFunction.class));
  }

  @Test
  void onWithoutAClient() {
    runner.run(context -> assertThat(context).hasSingleBean(SanitizingFunction.class));
  }

  @Test
  void theFunctionAloneLeavesOtherKeysAndValuesAlone() {
    WxpaySanitizingFunction function = new WxpaySanitizingFunction();
    MapPropertySource source = new MapPropertySource("test", Map.of());
    assertThat(function.apply(new SanitizableData(source, "wxpay.privateKeyPem", "x")).getValue()).isEqualTo(MASK);
    assertThat(function.apply(new SanitizableData(source, "wxpay.merchants[shop].apiV3Key", "x")).getValue())
        .isEqualTo(MASK);
    assertThat(function.apply(new SanitizableData(source, "wxpay.public-key", "-----BEGIN PUBLIC KEY-----"))
        .getValue()).isEqualTo("-----BEGIN PUBLIC KEY-----");
    assertThat(function.apply(new SanitizableData(source, "spring.datasource.api-v3-key", "x")).getValue())
        .isEqualTo("x");
    assertThat(function.apply(new SanitizableData(source, "wxpay.private-key", null)).getValue()).isNull();
  }

  private static ConfigurationPropertiesBeanDescriptor wxpayBean(ConfigurationPropertiesReportEndpoint endpoint) {
    return endpoint.configurationPropertiesWithPrefix("wxpay").getContexts().values().iterator().next()
        .getBeans().values().stream().filter(bean -> bean.getPrefix().equals("wxpay")).findFirst().orElseThrow();
  }

  private static Object envValue(EnvironmentEndpoint endpoint, String name) {
    return endpoint.environment(null).getPropertySources().stream()
        .filter(source -> source.getProperties().containsKey(name))
        .findFirst().orElseThrow(() -> new AssertionError("no property " + name))
        .getProperties().get(name).getValue();
  }

  private static String pemLine(String pem) {
    return pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
  }
}
