package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.SandboxVerification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code wxpay} health contributor, read through the actuator's health endpoint, against the sandbox. */
class WxpayHealthAutoConfigurationTest {

  private static WechatPaySandbox sandbox;
  private static WechatPaySandbox certificates;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WxpayAutoConfiguration.class, WxpayHealthAutoConfiguration.class,
          HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
      .withPropertyValues("management.endpoint.health.show-details=always");

  @BeforeAll
  static void startSandboxes() {
    sandbox = WechatPaySandbox.start();
    certificates = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start();
  }

  @AfterAll
  static void stopSandboxes() {
    sandbox.close();
    certificates.close();
  }

  @Test
  void publicKeyModeIsUpWithTheKeyIdAndNoSecret() {
    runner.withPropertyValues(Sandboxes.publicKey(sandbox)).run(context -> {
      Health health = wxpayHealth(context);

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("mchid", sandbox.mchid())
          .containsEntry("merchantKey", "RSA 2048")
          .containsEntry("publicKeyId", sandbox.wechatpayPublicKeyId())
          .doesNotContainKeys("certificates", "earliestExpiry", "certificateDownloads", "problems");
      assertThat(health.toString()).doesNotContain(sandbox.apiV3Key(), pemLine(sandbox.merchantPrivateKeyPem()),
          pemLine(sandbox.wechatpayPublicKeyPem()));
    });
  }

  @Test
  void certificateModeIsUpWithTheCertificatesAndTheirExpiry() {
    runner.withPropertyValues(Sandboxes.certificates(certificates)).run(context -> {
      Health health = wxpayHealth(context);

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      Instant notAfter = certificates.platformCertificates().get(0).getNotAfter().toInstant();
      assertThat(health.getDetails())
          .containsEntry("mchid", certificates.mchid())
          .containsEntry("certificates",
              List.of(Map.of("serialNo", certificates.platformCertificateSerial(), "notAfter", notAfter.toString())))
          .containsEntry("earliestExpiry", notAfter.toString())
          .containsEntry("certificateDownloads", true)
          .containsKey("lastRefresh")
          .doesNotContainKeys("publicKeyId", "lastRefreshFailure");
      // The sandbox's certificates are valid for five years from yesterday.
      assertThat((Long) health.getDetails().get("daysUntilEarliestExpiry")).isBetween(5 * 365L - 2, 5 * 366L);
      assertThat(Instant.parse((String) health.getDetails().get("lastRefresh")))
          .isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
      assertThat(health.toString()).doesNotContain(certificates.apiV3Key());
    });
  }

  @Test
  void aFailedRefreshIsShownWhileTheCertificatesInUseKeepItUp() {
    try (WechatPaySandbox failing = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start()) {
      runner.withPropertyValues(Sandboxes.certificates(failing))
          .withBean(WechatPayBuilderCustomizer.class,
              () -> builder -> builder.certificateRefreshInterval(Duration.ofMillis(100)))
          .run(context -> {
            failing.stub("GET", "/v3/certificates", StubResponse.error(500, "SYSTEM_ERROR", "system busy"));
            Health health = wxpayHealth(context);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!health.getDetails().containsKey("lastRefreshFailure") && System.nanoTime() < deadline) {
              Thread.sleep(50);
              health = wxpayHealth(context);
            }

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("lastRefresh");
            @SuppressWarnings("unchecked")
            Map<String, Object> failure = (Map<String, Object>) health.getDetails().get("lastRefreshFailure");
            assertThat(failure).isNotNull().containsKey("at");
            assertThat((String) failure.get("message"))
                .startsWith("ServiceException: HTTP 500 SYSTEM_ERROR: system busy");
          });
    }
  }

  @Test
  void downWhenEveryCertificateHasExpired() {
    Sandboxes.MovableClock clock = new Sandboxes.MovableClock();
    runner.withPropertyValues(Sandboxes.certificates(certificates))
        .withBean(WechatPayBuilderCustomizer.class, () -> builder -> builder.clock(clock))
        .run(context -> {
          assertThat(wxpayHealth(context).getStatus()).isEqualTo(Status.UP);

          clock.advance(Duration.ofDays(6 * 366));
          Health health = wxpayHealth(context);

          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails().get("problems")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement()
              .asString()
              .startsWith("no WeChat Pay key verifies answers now");
          assertThat(health.getDetails()).containsKey("certificates").doesNotContainKey("earliestExpiry");
          assertThat(context.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.DOWN);
        });
  }

  @Test
  void severalClientsAreOneChildEachByBeanName() {
    try (WechatPay shop = sandbox.client(); WechatPay expiredOnly = expiredCertificateClient()) {
      runner.withBean("shop", WechatPay.class, () -> shop, definition -> definition.setDestroyMethodName(null))
          .withBean("legacy", WechatPay.class, () -> expiredOnly, definition -> definition.setDestroyMethodName(null))
          .run(context -> {
            HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
            assertThat(context.getBean("wxpayHealthContributor")).isInstanceOf(CompositeHealthContributor.class);
            assertThat(((Health) endpoint.healthForPath("wxpay", "shop")).getStatus()).isEqualTo(Status.UP);
            assertThat(((Health) endpoint.healthForPath("wxpay", "legacy")).getStatus()).isEqualTo(Status.DOWN);
            assertThat(endpoint.healthForPath("wxpay").getStatus()).isEqualTo(Status.DOWN);
          });
    }
  }

  @Test
  void offWithoutTheActuator() {
    runner.withPropertyValues(Sandboxes.publicKey(sandbox))
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(WechatPay.class)
            .doesNotHaveBean(WxpayHealthAutoConfiguration.class).doesNotHaveBean("wxpayHealthContributor"));
  }

  @Test
  void offWhenDisabled() {
    runner.withPropertyValues(Sandboxes.publicKey(sandbox))
        .withPropertyValues("management.health.wxpay.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(WechatPay.class)
            .doesNotHaveBean("wxpayHealthContributor"));
  }

  @Test
  void offWithoutAClient() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("wxpayHealthContributor"));
  }

  /** A client that verifies with one given certificate of a sandbox whose clock was six years back. */
  private static WechatPay expiredCertificateClient() {
    Instant past = Instant.now().minus(Duration.ofDays(6 * 366));
    try (WechatPaySandbox old = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE)
        .clock(java.time.Clock.fixed(past, java.time.ZoneOffset.UTC)).start()) {
      return WechatPay.builder().merchant(old.mchid(), old.merchantSerialNo(), old.merchantPrivateKey())
          .platformCertificate(old.platformCertificates().get(0)).build();
    }
  }

  private static Health wxpayHealth(AssertableApplicationContext context) {
    assertThat(context).hasNotFailed();
    return (Health) context.getBean(HealthEndpoint.class).healthForPath("wxpay");
  }

  private static String pemLine(String pem) {
    return pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
  }
}
