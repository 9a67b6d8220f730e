package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wxpay.endpoints.v3.pay.transactions.IdByTransactionId;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.spring.boot.sample.OrderQuery;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Several merchants, and endpoint interfaces (ready-made and the application's own) injected per merchant;
 * each merchant talks to its own sandbox, so a call that went out with the wrong credentials would fail.
 */
class WxpayMerchantsTest {

  private static WechatPaySandbox shopA;
  private static WechatPaySandbox shopB;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WxpayAutoConfiguration.class));

  @BeforeAll
  static void startSandboxes() {
    shopA = WechatPaySandbox.builder().mchid("1900000101").start();
    shopB = WechatPaySandbox.builder().mchid("1900000102").start();
    for (WechatPaySandbox sandbox : List.of(shopA, shopB)) {
      sandbox.stub("GET", "/v3/pay/transactions/id/4200000001",
          StubResponse.json("{\"mchid\":\"" + sandbox.mchid() + "\",\"transaction_id\":\"4200000001\"}"));
    }
  }

  @AfterAll
  static void stopSandboxes() {
    shopA.close();
    shopB.close();
  }

  /** The properties of {@code sandbox}'s merchant under {@code prefix}, e.g. "wxpay." or "wxpay.merchants.a.". */
  private static List<String> merchant(String prefix, WechatPaySandbox sandbox) {
    return List.of(
        prefix + "mchid=" + sandbox.mchid(),
        prefix + "merchant-serial-no=" + sandbox.merchantSerialNo(),
        prefix + "private-key-pem=" + sandbox.merchantPrivateKeyPem(),
        prefix + "public-key-id=" + sandbox.wechatpayPublicKeyId(),
        prefix + "public-key=" + sandbox.wechatpayPublicKeyPem(),
        prefix + "base-uri=" + sandbox.baseUri());
  }

  private static String[] properties(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all.toArray(String[]::new);
  }

  @Test
  void twoNamedMerchantsAreTwoQualifiedBeansEachWithItsOwnEndpoints() {
    runner.withPropertyValues(properties(merchant("wxpay.merchants.shop-a.", shopA),
            merchant("wxpay.merchants.shop-b.", shopB)))
        .withUserConfiguration(TwoShops.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBeansOfType(WechatPay.class)).hasSize(2);
          TwoShops shops = context.getBean(TwoShops.class);
          assertThat(shops.a.mchid()).isEqualTo(shopA.mchid());
          assertThat(shops.b.mchid()).isEqualTo(shopB.mchid());

          // Each endpoint bean sends through its merchant: signed with that merchant's key, to its host.
          assertThat(shops.queryA.get("4200000001", shopA.mchid()).mchid()).isEqualTo(shopA.mchid());
          assertThat(shopA.lastRequest().signatureValid()).isTrue();
          assertThat(shops.queryB.get("4200000001", shopB.mchid()).mchid()).isEqualTo(shopB.mchid());
          assertThat(shopB.lastRequest().signatureValid()).isTrue();

          // Without a qualifier and without a default merchant, Spring cannot choose.
          assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> context.getBean(IdByTransactionId.class)))
              .isInstanceOf(NoUniqueBeanDefinitionException.class);
        });
  }

  @Test
  void eachMerchantsCallsAreTaggedWithItsName() {
    runner.withConfiguration(AutoConfigurations.of(WxpayMetricsAutoConfiguration.class))
        .withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class,
            io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
        .withPropertyValues(properties(merchant("wxpay.", shopA), merchant("wxpay.merchants.shop-b.", shopB)))
        .run(context -> {
          context.getBean(IdByTransactionId.class).get("4200000001", shopA.mchid());
          IdByTransactionId shopBQuery = org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils
              .qualifiedBeanOfType(context.getBeanFactory(), IdByTransactionId.class, "shop-b");
          shopBQuery.get("4200000001", shopB.mchid());
          shopBQuery.get("4200000001", shopB.mchid());
          var registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
          assertThat(registry.get("wxpay.calls").tag("merchant", "default").timer().count()).isEqualTo(1);
          assertThat(registry.get("wxpay.calls").tag("merchant", "shop-b").timer().count()).isEqualTo(2);
        });
  }

  @Test
  void theDefaultMerchantIsPrimaryBesideNamedOnes() {
    runner.withPropertyValues(properties(merchant("wxpay.", shopA), merchant("wxpay.merchants.shop-b.", shopB)))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(WechatPay.class).mchid()).isEqualTo(shopA.mchid());
          IdByTransactionId query = context.getBean(IdByTransactionId.class);
          assertThat(query.get("4200000001", shopA.mchid()).mchid()).isEqualTo(shopA.mchid());
          assertThat(context.getBean("wechatPay.shop-b", WechatPay.class).mchid()).isEqualTo(shopB.mchid());
        });
  }

  @Test
  void aNamedMerchantTakesConnectionSettingsButNoCredentialsFromTheTop() {
    List<String> shopB = new ArrayList<>(merchant("wxpay.merchants.shop-b.", WxpayMerchantsTest.shopB));
    shopB.removeIf(property -> property.contains("base-uri="));
    runner.withPropertyValues(properties(shopB, List.of("wxpay.base-uri=" + WxpayMerchantsTest.shopB.baseUri(),
            "wxpay.request-timeout=5s")))
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(WechatPay.class);
          WechatPay only = context.getBean(WechatPay.class);
          assertThat(only.baseUri()).isEqualTo(WxpayMerchantsTest.shopB.baseUri());
          // wxpay.base-uri alone is no merchant: the one bean is shop-b's, and its endpoints need no qualifier.
          assertThat(context.getBean(IdByTransactionId.class).get("4200000001", only.mchid()).mchid())
              .isEqualTo(WxpayMerchantsTest.shopB.mchid());
        });
  }

  @Test
  void aNamedMerchantsWrongPropertyIsNamedInFull() {
    runner.withPropertyValues(properties(merchant("wxpay.merchants.shop-b.", shopB),
            List.of("wxpay.merchants.shop-b.private-key-pem=" + shopB.wechatpayPublicKeyPem())))
        .run(context -> {
          assertThat(context).hasFailed();
          InvalidWxpayPropertyException failure = invalid(context.getStartupFailure());
          assertThat(failure.getProperty()).isEqualTo("wxpay.merchants.shop-b.private-key-pem");
        });
  }

  @Test
  void aNamedMerchantWithoutAVerificationKeyIsNamedInFull() {
    List<String> shopB = new ArrayList<>(merchant("wxpay.merchants.shop-b.", WxpayMerchantsTest.shopB));
    shopB.removeIf(property -> property.contains("public-key"));
    runner.withPropertyValues(shopB.toArray(String[]::new)).run(context -> {
      InvalidWxpayPropertyException failure = invalid(context.getStartupFailure());
      assertThat(failure).hasMessageStartingWith("wxpay.merchants.shop-b.public-key: missing; WeChat Pay answers"
          + " need a key to be verified with: set wxpay.merchants.shop-b.public-key-id and");
    });
  }

  @Test
  void anInheritedSettingThatFailsIsNamedWhereItWasSet() {
    List<String> shopB = new ArrayList<>(merchant("wxpay.merchants.shop-b.", WxpayMerchantsTest.shopB));
    shopB.removeIf(property -> property.contains("base-uri="));
    runner.withPropertyValues(properties(shopB, List.of("wxpay.base-uri=http://api.example.com/")))
        .run(context -> assertThat(invalid(context.getStartupFailure()).getProperty()).isEqualTo("wxpay.base-uri"));
  }

  @Test
  void keyTextWhereALocationBelongsIsNeverShown() {
    // A key without its PEM lines, as secret stores often hold it.
    String base64 = shopB.merchantPrivateKeyPem().lines().filter(line -> !line.startsWith("-----"))
        .reduce("", String::concat);
    List<String> shopB = new ArrayList<>(merchant("wxpay.merchants.shop-b.", WxpayMerchantsTest.shopB));
    shopB.removeIf(property -> property.contains("private-key-pem="));
    shopB.add("wxpay.merchants.shop-b.private-key=" + base64);
    runner.withPropertyValues(shopB.toArray(String[]::new)).run(context -> {
      InvalidWxpayPropertyException failure = invalid(context.getStartupFailure());
      assertThat(failure.getProperty()).isEqualTo("wxpay.merchants.shop-b.private-key");
      assertThat(failure.getMessage()).contains("the value is not shown").doesNotContain(base64.substring(0, 40));
    });
    WxpayMerchantProperties properties = new WxpayMerchantProperties();
    properties.setPrivateKey(base64);
    assertThat(properties.toString()).doesNotContain(base64.substring(0, 40));
    properties.setPrivateKey("file:/etc/wxpay/apiclient_key.pem");
    assertThat(properties.toString()).contains("file:/etc/wxpay/apiclient_key.pem");
  }

  @Test
  void aMerchantNameThatWouldNotBindBackIsRefused() {
    runner.withPropertyValues(properties(merchant("wxpay.merchants.default.", shopB), List.of()))
        .run(context -> assertThat(invalid(context.getStartupFailure()).getProperty())
            .isEqualTo("wxpay.merchants.default"));
  }

  @Test
  void theApplicationsOwnEndpointIsABeanToo() {
    runner.withPropertyValues(properties(merchant("wxpay.", shopA), List.of())).run(context -> {
      OrderQuery query = context.getBean(OrderQuery.class);
      assertThat(query.byTransactionId("4200000001", shopA.mchid()).transactionId()).isEqualTo("4200000001");
      assertThat(shopA.lastRequest().signatureValid()).isTrue();
    });
  }

  @Test
  void anApplicationsOwnClientGetsEndpointBeans() {
    try (WechatPay own = shopA.client()) {
      runner.withBean("myWechatPay", WechatPay.class, () -> own, definition -> definition.setDestroyMethodName(null))
          .run(context -> {
            assertThat(context).hasSingleBean(WechatPay.class);
            assertThat(context.getBean(IdByTransactionId.class).get("4200000001", shopA.mchid()).mchid())
                .isEqualTo(shopA.mchid());
          });
    }
  }

  @Test
  void endpointBeansCanBeTurnedOff() {
    runner.withPropertyValues(properties(merchant("wxpay.", shopA), List.of("wxpay.endpoint-beans=false")))
        .run(context -> assertThat(context).hasSingleBean(WechatPay.class)
            .doesNotHaveBean(IdByTransactionId.class).doesNotHaveBean(OrderQuery.class));
  }

  @Test
  void endpointBeansAreMadeOnlyWhenWanted() {
    runner.withPropertyValues(properties(merchant("wxpay.", shopA), List.of())).run(context -> {
      // Registered for every listed interface, but lazy: the context holds no client it was not asked for.
      assertThat(context.getBeanFactory().containsSingleton(IdByTransactionId.class.getName() + "#default"))
          .isFalse();
      context.getBean(IdByTransactionId.class);
      assertThat(context.getBeanFactory().containsSingleton(IdByTransactionId.class.getName() + "#default"))
          .isTrue();
    });
  }

  @Test
  void theStarterReadsTheListsWhereTheProcessorWritesThem() {
    assertThat(WxpayBeanRegistrar.ENDPOINT_INDEX)
        .isEqualTo(dev.wxpay.annotations.rules.GeneratedNames.ENDPOINT_INDEX);
    assertThat(WxpayBeanRegistrar.endpoints(getClass().getClassLoader()))
        .contains(IdByTransactionId.class, OrderQuery.class);
  }

  private static InvalidWxpayPropertyException invalid(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidWxpayPropertyException invalid) {
        return invalid;
      }
    }
    throw new AssertionError("no InvalidWxpayPropertyException in", failure);
  }

  /** What an application writes: qualifiers name the merchants, no factory code. */
  @Configuration(proxyBeanMethods = false)
  static class TwoShops {
    final WechatPay a;
    final WechatPay b;
    final IdByTransactionId queryA;
    final IdByTransactionId queryB;

    TwoShops(@Qualifier("shop-a") WechatPay a, @Qualifier("shop-b") WechatPay b,
        @Qualifier("shop-a") IdByTransactionId queryA, @Qualifier("shop-b") IdByTransactionId queryB) {
      this.a = a;
      this.b = b;
      this.queryA = queryA;
      this.queryB = queryB;
    }
  }
}
