package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wxpay.endpoints.v3.pay.transactions.IdByTransactionId;
import dev.wxpay.testkit.SandboxVerification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health/wxpay} and {@code /actuator/metrics/wxpay.calls} of a running application with
 * Boot's own meter registry, read over HTTP as an operator reads them: no actuator type appears here, so the
 * same test runs on Spring Boot 3.5 (here) and 4.0 (boot4-tests), whose health and metrics classes moved.
 */
class WxpayActuatorEndpointsTest {

  private static WechatPaySandbox certificates;
  private static final Sandboxes.MovableClock CLOCK = new Sandboxes.MovableClock();

  private ConfigurableApplicationContext app;

  @BeforeAll
  static void startSandbox() {
    certificates = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start();
  }

  @AfterAll
  static void stopSandbox() {
    certificates.close();
  }

  @AfterEach
  void stopApp() {
    if (app != null) {
      app.close();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Shop {
    @Bean
    WechatPayBuilderCustomizer clock() {
      return builder -> builder.clock(CLOCK);
    }
  }

  private HttpResponse<String> health(String... properties) throws Exception {
    return get("/actuator/health/wxpay", properties);
  }

  private HttpResponse<String> get(String path, String... properties) throws Exception {
    if (app == null) {
      List<String> all = new ArrayList<>(List.of(Sandboxes.certificates(certificates)));
      all.addAll(List.of("server.port=0", "spring.main.banner-mode=off",
          "management.endpoints.web.exposure.include=health,metrics",
          "management.endpoint.health.show-details=always"));
      all.addAll(List.of(properties));
      app = new SpringApplicationBuilder(Shop.class).properties(all.toArray(String[]::new)).run();
    }
    URI url = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void upWithTheCertificatesThenDownOnceEveryOneHasExpired() throws Exception {
    HttpResponse<String> up = health();
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).contains("\"status\":\"UP\"", "\"mchid\":\"" + certificates.mchid() + "\"",
        "\"serialNo\":\"" + certificates.platformCertificateSerial() + "\"", "\"daysUntilEarliestExpiry\":")
        .doesNotContain(certificates.apiV3Key(), "BEGIN");

    CLOCK.advance(Duration.ofDays(6 * 366));
    try {
      HttpResponse<String> down = health();
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"status\":\"DOWN\"", "no WeChat Pay key verifies answers now");
    } finally {
      CLOCK.advance(Duration.ofDays(-6 * 366));
    }
  }

  @Test
  void callsAreTimedInTheApplicationsRegistry() throws Exception {
    certificates.stub("GET", "/v3/pay/transactions/id/4200000009", StubResponse.json("{\"mchid\":\"1\"}"));
    get("/actuator/health");
    app.getBean(IdByTransactionId.class).get("4200000009", certificates.mchid());
    HttpResponse<String> calls = get("/actuator/metrics/wxpay.calls"
        + "?tag=merchant:default&tag=outcome:success&tag=operation:IdByTransactionId.get");
    assertThat(calls.statusCode()).isEqualTo(200);
    assertThat(calls.body()).contains("\"statistic\":\"COUNT\",\"value\":1.0");
  }

  @Test
  void absentWhenTurnedOff() throws Exception {
    assertThat(health("management.health.wxpay.enabled=false").statusCode()).isEqualTo(404);
  }
}
