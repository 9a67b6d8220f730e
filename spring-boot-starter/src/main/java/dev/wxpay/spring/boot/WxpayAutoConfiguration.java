package dev.wxpay.spring.boot;

import dev.wxpay.runtime.CallListener;
import dev.wxpay.runtime.WechatPay;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * One {@link WechatPay} bean from the {@code wxpay.*} properties, when {@code wxpay.mchid} is set and the
 * application declares no {@code WechatPay} of its own. A wrong or missing key fails start-up with an
 * {@link InvalidWxpayPropertyException} that names the property. The client tells its calls to every
 * {@link CallListener} bean and, with Micrometer, to {@link WxpayMetrics}.
 */
@AutoConfiguration
@ConditionalOnClass(WechatPay.class)
@ConditionalOnProperty(prefix = "wxpay", name = "mchid")
@EnableConfigurationProperties(WxpayProperties.class)
public class WxpayAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public WechatPay wechatPay(WxpayProperties properties, ResourceLoader resourceLoader,
      ObjectProvider<WechatPayBuilderCustomizer> customizers, ObjectProvider<CallListener> listeners,
      ObjectProvider<WxpayMetrics> metrics) {
    WechatPay.Builder builder = new WechatPayFactory(resourceLoader).builder(properties);
    // Before the customizers, so that one can still replace the listener.
    List<CallListener> all = new ArrayList<>(listeners.orderedStream().toList());
    metrics.ifAvailable(m -> all.add(m.listenerFor("default")));
    CallListener listener = CompositeCallListener.of(all);
    if (listener != null) {
      builder.callListener(listener);
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return WechatPayFactory.build(builder, WechatPayFactory.privateKeyProperty(properties));
  }
}
