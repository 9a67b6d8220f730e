package dev.wxpay.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code wxpay.*} properties: the default merchant's ({@code wxpay.mchid} and the rest, which make the
 * {@code wechatPay} bean) and any named merchants' under {@code wxpay.merchants.<name>.*}, each of which makes
 * a {@code WechatPay} bean qualified by its name. A named merchant takes base URIs, timeouts and retries from
 * {@code wxpay.*} where it sets none; credentials are never shared.
 */
@ConfigurationProperties(prefix = "wxpay")
public class WxpayProperties extends WxpayMerchantProperties {

  /** Named merchants, each its own WechatPay bean and endpoint beans, injected with @Qualifier("name"). */
  private Map<String, WxpayMerchantProperties> merchants = new LinkedHashMap<>();

  /** Whether every @Endpoint interface on the class path is a bean for each WechatPay bean; default true. */
  private boolean endpointBeans = true;

  public Map<String, WxpayMerchantProperties> getMerchants() {
    return merchants;
  }

  public void setMerchants(Map<String, WxpayMerchantProperties> merchants) {
    this.merchants = merchants;
  }

  public boolean isEndpointBeans() {
    return endpointBeans;
  }

  public void setEndpointBeans(boolean endpointBeans) {
    this.endpointBeans = endpointBeans;
  }

  @Override
  public String toString() {
    return super.toString() + ", merchants=" + merchants + ", endpointBeans=" + endpointBeans;
  }
}
