package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wxpay.runtime.CallListener;
import dev.wxpay.runtime.ServiceException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Calls through the auto-configured client become Micrometer meters, and reach the application's listeners. */
class WxpayMetricsAutoConfigurationTest {

  private static WechatPaySandbox sandbox;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WxpayAutoConfiguration.class, WxpayMetricsAutoConfiguration.class))
      .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new);

  @BeforeAll
  static void startSandbox() {
    sandbox = WechatPaySandbox.start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void aCallIsTimedWithItsOperationOutcomeAndStatus() {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000101", StubResponse.json("{}"));
    runner.withPropertyValues(Sandboxes.publicKey(sandbox)).run(context -> {
      Sandboxes.query(context.getBean(WechatPay.class), "4200000101");

      MeterRegistry registry = context.getBean(MeterRegistry.class);
      Timer timer = registry.get("wxpay.calls").timer();
      assertThat(timer.getId().getTags()).extracting(tag -> tag.getKey() + "=" + tag.getValue()).containsExactly(
          "error_code=none", "merchant=default", "operation=" + Sandboxes.OPERATION, "outcome=success", "status=200");
      assertThat(timer.count()).isEqualTo(1);
      assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
      assertThat(registry.get("wxpay.attempts").tags("merchant", "default", "operation", Sandboxes.OPERATION,
          "status", "200").counter().count()).isEqualTo(1);
    });
  }

  @Test
  void aServiceErrorIsTaggedWithItsCode() {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000102",
        StubResponse.error(400, "PARAM_ERROR", "transaction_id is not valid"));
    runner.withPropertyValues(Sandboxes.publicKey(sandbox)).run(context -> {
      WechatPay wxpay = context.getBean(WechatPay.class);
      assertThatThrownBy(() -> Sandboxes.query(wxpay, "4200000102")).isInstanceOf(ServiceException.class);
      assertThatThrownBy(() -> Sandboxes.query(wxpay, "4200000102")).isInstanceOf(ServiceException.class);

      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("wxpay.calls").tags("outcome", "service_error", "status", "400",
          "error_code", "PARAM_ERROR").timer().count()).isEqualTo(2);
      assertThat(registry.find("wxpay.calls").tags("outcome", "success").timer()).isNull();
      assertThat(registry.get("wxpay.attempts").tags("status", "400").counter().count()).isEqualTo(2);
    });
  }

  @Test
  void aRetryIsAnotherAttempt() throws IOException {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000103", StubResponse.json("{}"));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // The first request is refused; the retry goes to the backup host, the sandbox.
    runner.withPropertyValues(Sandboxes.publicKey(sandbox))
        .withPropertyValues("wxpay.base-uri=http://127.0.0.1:" + closedPort + "/",
            "wxpay.backup-base-uri=" + sandbox.baseUri(), "wxpay.retries=1")
        .run(context -> {
          Sandboxes.query(context.getBean(WechatPay.class), "4200000103");

          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("wxpay.attempts").tags("status", "none").counter().count()).isEqualTo(1);
          assertThat(registry.get("wxpay.attempts").tags("status", "200").counter().count()).isEqualTo(1);
          assertThat(registry.get("wxpay.calls").tags("outcome", "success").timer().count()).isEqualTo(1);
        });
  }

  @Test
  void theApplicationsListenersHearTheCallsToo() {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000104", StubResponse.json("{}"));
    List<String> heard = new CopyOnWriteArrayList<>();
    runner.withPropertyValues(Sandboxes.publicKey(sandbox))
        .withBean("first", CallListener.class, () -> event -> heard.add("first " + event.outcome()))
        .withBean("second", CallListener.class, () -> event -> heard.add("second " + event.outcome()))
        .run(context -> {
          Sandboxes.query(context.getBean(WechatPay.class), "4200000104");

          assertThat(heard).containsExactlyInAnyOrder("first SUCCESS", "second SUCCESS");
          assertThat(context.getBean(MeterRegistry.class).get("wxpay.calls").timer().count()).isEqualTo(1);
        });
  }

  @Test
  void aListenerThatThrowsCostsTheMetricsNothing() {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000105", StubResponse.json("{}"));
    runner.withPropertyValues(Sandboxes.publicKey(sandbox))
        .withBean(CallListener.class, () -> event -> {
          throw new IllegalStateException("a listener with a bug");
        })
        .run(context -> {
          Sandboxes.query(context.getBean(WechatPay.class), "4200000105");
          assertThat(context.getBean(MeterRegistry.class).get("wxpay.calls").timer().count()).isEqualTo(1);
        });
  }

  @Test
  void aCustomizerMayReplaceTheListener() {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000106", StubResponse.json("{}"));
    List<String> heard = new CopyOnWriteArrayList<>();
    runner.withPropertyValues(Sandboxes.publicKey(sandbox))
        .withBean(WechatPayBuilderCustomizer.class,
            () -> builder -> builder.callListener(event -> heard.add(event.operation())))
        .run(context -> {
          Sandboxes.query(context.getBean(WechatPay.class), "4200000106");
          assertThat(heard).containsExactly(Sandboxes.OPERATION);
          assertThat(context.getBean(MeterRegistry.class).find("wxpay.calls").timer()).isNull();
        });
  }

  @Test
  void offWithoutMicrometer() {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000107", StubResponse.json("{}"));
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WxpayAutoConfiguration.class, WxpayMetricsAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .withPropertyValues(Sandboxes.publicKey(sandbox))
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(WxpayMetrics.class);
          Sandboxes.query(context.getBean(WechatPay.class), "4200000107");
        });
  }

  @Test
  void offWithoutARegistry() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WxpayAutoConfiguration.class, WxpayMetricsAutoConfiguration.class))
        .withPropertyValues(Sandboxes.publicKey(sandbox))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(WechatPay.class)
            .doesNotHaveBean(WxpayMetrics.class));
  }

  @Test
  void serverCodesThatAreNotWeChatPayCodesAreOther() {
    assertThat(WxpayMetrics.errorCode(null)).isEqualTo("none");
    assertThat(WxpayMetrics.errorCode("ORDER_NOT_EXIST")).isEqualTo("ORDER_NOT_EXIST");
    assertThat(WxpayMetrics.errorCode("req-8f2a1c")).isEqualTo("other");
    assertThat(WxpayMetrics.errorCode("")).isEqualTo("other");
    assertThat(WxpayMetrics.errorCode("A".repeat(65))).isEqualTo("other");
  }
}
