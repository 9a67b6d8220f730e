package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Registers a bean per endpoint interface and {@code WechatPay} bean, once every {@code WechatPay} bean is
 * declared: the application's, the default merchant's, and those {@link WxpayMerchantsRegistrar} declares.
 *
 * <p>Endpoint beans are lazy (a client is made when first injected) and carry the qualifier of their
 * {@code WechatPay}: {@code default}, the merchant's name for a named merchant, else the bean's name. The
 * endpoints of the primary {@code WechatPay} are primary, so with one merchant, or a default one beside named
 * ones, a plain {@code @Autowired Jsapi jsapi} gets the default merchant's. Endpoints are found through the lists the
 * processor writes ({@link #ENDPOINT_INDEX}): nothing is scanned.
 */
public final class WxpayBeanRegistrar implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware {

  private static final Log LOG = LogFactory.getLog(WxpayBeanRegistrar.class);
  /**
   * The lists the processor writes (GeneratedNames.ENDPOINT_INDEX, which the annotations module exports to
   * the runtime only): the endpoint interfaces of each jar, one binary name per line.
   */
  static final String ENDPOINT_INDEX = "META-INF/wxpay/endpoints";
  /** Bean names of named merchants' clients start with this. */
  static final String MERCHANT_BEAN_PREFIX = "wechatPay.";
  /** The bean name of the default merchant's client. */
  static final String DEFAULT_BEAN = "wechatPay";

  private final Environment environment;
  private @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

  WxpayBeanRegistrar(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (!environment.getProperty("wxpay.endpoint-beans", Boolean.class, true)) {
      return;
    }
    ListableBeanFactory beans = (ListableBeanFactory) registry;
    List<Class<?>> endpoints = endpoints(classLoader);
    for (String client : beans.getBeanNamesForType(WechatPay.class, true, false)) {
      String qualifier = merchantOf(client);
      boolean primary = registry.getBeanDefinition(client).isPrimary();
      for (Class<?> endpoint : endpoints) {
        registry.registerBeanDefinition(endpoint.getName() + "#" + qualifier,
            endpointDefinition(endpoint, client, qualifier, primary, beans));
      }
    }
  }

  /**
   * The merchant a {@code WechatPay} bean serves, as qualifiers, metrics and notifications name it:
   * {@code default} for the one under {@code wxpay.*}, the name for {@code wxpay.merchants.<name>}, else
   * the bean's name.
   */
  static String merchantOf(String beanName) {
    if (beanName.equals(DEFAULT_BEAN)) {
      return WechatPayFactory.DEFAULT_MERCHANT;
    }
    return beanName.startsWith(MERCHANT_BEAN_PREFIX) ? beanName.substring(MERCHANT_BEAN_PREFIX.length()) : beanName;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}

  private static <T> RootBeanDefinition endpointDefinition(Class<T> endpoint, String client, String qualifier,
      boolean primary, ListableBeanFactory beans) {
    RootBeanDefinition definition =
        new RootBeanDefinition(endpoint, () -> beans.getBean(client, WechatPay.class).create(endpoint));
    definition.setLazyInit(true);
    definition.setPrimary(primary);
    definition.setDependsOn(client);
    definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, qualifier));
    definition.setRole(BeanDefinition.ROLE_SUPPORT);
    return definition;
  }

  /** The endpoint interfaces the processor listed, each once; names it listed that are gone are skipped. */
  static List<Class<?>> endpoints(@Nullable ClassLoader classLoader) {
    Set<String> names = new LinkedHashSet<>();
    try {
      ClassLoader loader = classLoader != null ? classLoader : WxpayBeanRegistrar.class.getClassLoader();
      Enumeration<URL> lists = loader.getResources(ENDPOINT_INDEX);
      while (lists.hasMoreElements()) {
        URL list = lists.nextElement();
        try (InputStream in = list.openStream();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ENDPOINT_INDEX, e);
    }
    List<Class<?>> endpoints = new ArrayList<>(names.size());
    for (String name : names) {
      try {
        Class<?> type = ClassUtils.forName(name, classLoader);
        if (type.isInterface()) {
          endpoints.add(type);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // A list older than the classes beside it (a stale build output): nothing to inject.
        LOG.debug("wxpay: " + ENDPOINT_INDEX + " names " + name + ", which cannot be loaded: " + e);
      }
    }
    return endpoints;
  }
}
