package dev.wxpay.testkit.spring;

import dev.wxpay.testkit.SandboxVerification;
import dev.wxpay.testkit.WechatPaySandbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a sandbox per merchant and puts its credentials and address first among the context's
 * properties. Equal for equal annotations, so Spring's test context cache shares the context (and its
 * sandboxes) between test classes.
 */
final class WxpaySandboxContextCustomizer implements ContextCustomizer {

  static final String PROPERTY_SOURCE = "wxpaySandbox";
  private static final String DEFAULT = "default";
  private static final String MERCHANTS = "wxpay.merchants.";

  private final SandboxVerification verification;

  WxpaySandboxContextCustomizer(SandboxVerification verification) {
    this.verification = verification;
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
    ConfigurableEnvironment environment = context.getEnvironment();
    Map<String, WechatPaySandbox> sandboxes = new LinkedHashMap<>();
    Map<String, Object> properties = new LinkedHashMap<>();
    TreeSet<String> named = namedMerchants(environment);
    // A default merchant only where the application has one, or none at all: adding one beside named
    // merchants would change which client is primary.
    if (environment.containsProperty("wxpay.mchid") || named.isEmpty()) {
      sandboxes.put(DEFAULT, start(environment.getProperty("wxpay.mchid")));
      properties.putAll(SandboxProperties.of(sandboxes.get(DEFAULT), "wxpay."));
    }
    for (String merchant : named) {
      WechatPaySandbox sandbox = start(environment.getProperty(MERCHANTS + merchant + ".mchid"));
      sandboxes.put(merchant, sandbox);
      properties.putAll(SandboxProperties.of(sandbox, MERCHANTS + merchant + "."));
    }
    environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    if (sandboxes.containsKey(DEFAULT)) {
      context.getBeanFactory().registerSingleton("wechatPaySandbox", sandboxes.get(DEFAULT));
    }
    context.getBeanFactory().registerSingleton("wxpaySandboxes", new WxpaySandboxes(sandboxes));
    // A disposable bean: closed with the context, and also when its refresh fails.
    ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("wxpaySandboxesCloser",
        () -> sandboxes.values().forEach(WechatPaySandbox::close));
  }

  private WechatPaySandbox start(@Nullable String mchid) {
    WechatPaySandbox.Builder builder = WechatPaySandbox.builder().verification(verification);
    if (mchid != null && !mchid.isBlank()) {
      builder.mchid(mchid);
    }
    return builder.start();
  }

  /**
   * The names under {@code wxpay.merchants}, as the starter binds them: from files, test properties and
   * environment variables ({@code WXPAY_MERCHANTS_SHOPB_MCHID}) alike.
   */
  private static TreeSet<String> namedMerchants(ConfigurableEnvironment environment) {
    return new TreeSet<>(Binder.get(environment)
        .bind("wxpay.merchants", Bindable.mapOf(String.class, Object.class)).orElseGet(Map::of).keySet());
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof WxpaySandboxContextCustomizer customizer && customizer.verification == verification;
  }

  @Override
  public int hashCode() {
    return Objects.hash(WxpaySandboxContextCustomizer.class, verification);
  }
}
