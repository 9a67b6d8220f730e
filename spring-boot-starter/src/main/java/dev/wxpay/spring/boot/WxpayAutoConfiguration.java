package dev.wxpay.spring.boot;

import dev.wxpay.runtime.CallListener;
import dev.wxpay.runtime.WechatPay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link WechatPay} beans from the {@code wxpay.*} properties, and every {@code @Endpoint} interface on the
 * class path as a bean for each of them.
 *
 * <ul>
 *   <li>{@code wxpay.mchid} makes the {@code wechatPay} bean, unless the application declares a
 *       {@code WechatPay} of its own;
 *   <li>each {@code wxpay.merchants.<name>} makes a {@code WechatPay} bean qualified {@code @Qualifier("name")}
 *       ({@link WxpayMerchantsRegistrar});
 *   <li>each endpoint interface listed by the processor ({@code META-INF/wxpay/endpoints}) becomes a lazy bean
 *       per {@code WechatPay} bean, qualified like it (see {@link WxpayBeanRegistrar}).
 * </ul>
 *
 * A wrong or missing key fails start-up with an {@link InvalidWxpayPropertyException} that names the property.
 * Each client tells its calls to every {@link CallListener} bean and, with Micrometer, to {@link WxpayMetrics}.
 */
@AutoConfiguration
@ConditionalOnClass(WechatPay.class)
@EnableConfigurationProperties(WxpayProperties.class)
@Import(WxpayMerchantsRegistrar.class)
public class WxpayAutoConfiguration {

  @Bean(name = WxpayBeanRegistrar.DEFAULT_BEAN, destroyMethod = "close")
  @Qualifier(WechatPayFactory.DEFAULT_MERCHANT)
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "wxpay", name = "mchid")
  public WechatPay wechatPay(WxpayProperties properties, ResourceLoader resourceLoader,
      ObjectProvider<CallListener> listeners, ObjectProvider<WxpayMetrics> metrics,
      ObjectProvider<WechatPayBuilderCustomizer> customizers) {
    return WechatPayFactory.create(WechatPayFactory.DEFAULT_MERCHANT, properties, resourceLoader,
        WechatPayFactory.listeners(WechatPayFactory.DEFAULT_MERCHANT, listeners, metrics), customizers.orderedStream());
  }

  /** Static: it registers bean definitions, before any bean of this class exists. */
  @Bean
  public static WxpayBeanRegistrar wxpayBeanRegistrar(Environment environment) {
    return new WxpayBeanRegistrar(environment);
  }
}
