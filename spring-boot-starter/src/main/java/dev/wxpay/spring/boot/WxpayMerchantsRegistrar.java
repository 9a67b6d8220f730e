package dev.wxpay.spring.boot;

import dev.wxpay.runtime.CallListener;
import dev.wxpay.runtime.WechatPay;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Declares a {@code WechatPay} bean {@code wechatPay.<name>}, qualified {@code @Qualifier("<name>")}, per
 * {@code wxpay.merchants.<name>}. Imported by {@link WxpayAutoConfiguration}, so it runs while that class is
 * read: the auto-configurations after it (notifications, health, metrics) see these beans in their
 * {@code @ConditionalOnBean}.
 */
final class WxpayMerchantsRegistrar implements ImportBeanDefinitionRegistrar {

  /** What relaxed binding keeps of a map key from any property source; other names would not bind back. */
  private static final Pattern MERCHANT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final Environment environment;

  /** Spring passes the environment to an import registrar's constructor. */
  WxpayMerchantsRegistrar(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    Binder binder = Binder.get(environment);
    var merchants = binder.bind("wxpay.merchants", Bindable.mapOf(String.class, WxpayMerchantProperties.class))
        .orElseGet(java.util.Map::of);
    ListableBeanFactory beans = (ListableBeanFactory) registry;
    for (String merchant : merchants.keySet()) {
      registry.registerBeanDefinition(WxpayBeanRegistrar.MERCHANT_BEAN_PREFIX + checked(merchant),
          merchantDefinition(merchant, beans));
    }
    // The default merchant goes first where named ones are beside it; its @Bean is declared by now.
    if (!merchants.isEmpty() && registry.containsBeanDefinition(WxpayBeanRegistrar.DEFAULT_BEAN)
        && environment.containsProperty("wxpay.mchid")) {
      registry.getBeanDefinition(WxpayBeanRegistrar.DEFAULT_BEAN).setPrimary(true);
    }
  }

  private static String checked(String merchant) {
    if (!MERCHANT_NAME.matcher(merchant).matches() || merchant.equals(WechatPayFactory.DEFAULT_MERCHANT)) {
      throw new InvalidWxpayPropertyException("wxpay.merchants." + merchant, "not a merchant name: use lower-case"
          + " letters, digits and '-', such as shop-a; '" + WechatPayFactory.DEFAULT_MERCHANT
          + "' names the merchant under wxpay.*");
    }
    return merchant;
  }

  private static RootBeanDefinition merchantDefinition(String merchant, ListableBeanFactory beans) {
    RootBeanDefinition definition = new RootBeanDefinition(WechatPay.class, () -> WechatPayFactory.create(merchant,
        beans.getBean(WxpayProperties.class), resourceLoader(beans),
        WechatPayFactory.listeners(merchant, beans.getBeanProvider(CallListener.class),
            beans.getBeanProvider(WxpayMetrics.class)),
        beans.getBeanProvider(WechatPayBuilderCustomizer.class).orderedStream()));
    definition.setDestroyMethodName("close");
    definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, merchant));
    return definition;
  }

  private static ResourceLoader resourceLoader(ListableBeanFactory beans) {
    return beans.getBeanProvider(ResourceLoader.class).getIfAvailable(DefaultResourceLoader::new);
  }
}
