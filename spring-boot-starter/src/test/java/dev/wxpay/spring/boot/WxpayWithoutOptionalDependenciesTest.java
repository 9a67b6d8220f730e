package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter in an application that has neither the actuator nor Micrometer: the test's class path without
 * their jars, in a class loader of its own, since a FilteredClassLoader only hides classes from Spring's
 * conditions while the starter's own classes still see them. The client works; no optional bean is made.
 */
class WxpayWithoutOptionalDependenciesTest {

  @Test
  void theClientWorksAndNoOptionalBeanIsMade() throws Exception {
    try (URLClassLoader loader = withoutOptionalJars()) {
      assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> Class.forName("org.springframework.boot.actuate.health.HealthIndicator", false,
          loader)).isInstanceOf(ClassNotFoundException.class);
      Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
      assertThat(probe.getClassLoader()).isSameAs(loader);

      // Spring finds the auto-configurations and makes its proxies through the context class loader.
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      List<String> beans;
      try {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) probe.getMethod("beanNames").invoke(null);
        beans = names;
      } finally {
        thread.setContextClassLoader(previous);
      }

      assertThat(beans).contains("wechatPay")
          .doesNotContain("wxpayMetrics", "wxpayHealthContributor", "wxpaySanitizingFunction");
    }
  }

  private static URLClassLoader withoutOptionalJars() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace(File.separatorChar, '/');
      // spring-boot-health: Boot 4's health types (absent on Boot 3 anyway).
      if (!path.contains("/io/micrometer/micrometer-core/") && !path.contains("/spring-boot-actuator")
          && !path.contains("/spring-boot-health/")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /**
   * Runs inside the class loader without the optional jars: only JDK types cross back. The auto-configurations
   * come from the imports file, by name, as in an application: a class literal of one that needs the actuator
   * would fail to load here, which is what Spring's conditions avoid.
   */
  public static final class Probe {
    private Probe() {}

    @EnableAutoConfiguration
    static class Application {}

    public static List<String> beanNames() {
      List<String> names = new ArrayList<>();
      try (WechatPaySandbox sandbox = WechatPaySandbox.start()) {
        sandbox.stub("GET", "/v3/pay/transactions/id/4200000301", StubResponse.json("{}"));
        new ApplicationContextRunner()
            .withUserConfiguration(Application.class)
            .withPropertyValues(Sandboxes.publicKey(sandbox))
            .run(context -> {
              if (context.getStartupFailure() != null) {
                throw new AssertionError("start-up failed", context.getStartupFailure());
              }
              Sandboxes.query(context.getBean(WechatPay.class), "4200000301");
              names.addAll(Arrays.asList(context.getBeanDefinitionNames()));
            });
      }
      return names;
    }
  }
}
