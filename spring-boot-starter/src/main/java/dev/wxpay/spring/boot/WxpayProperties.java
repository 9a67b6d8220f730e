package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

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

  private final Notifications notifications = new Notifications();

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

  public Notifications getNotifications() {
    return notifications;
  }

  /** Where WeChat Pay's notifications are received, once a WxpayNotificationHandler bean is declared. */
  public static class Notifications {

    /** The path of the default merchant's notify_url; each named merchant's is this path + "/" + its name. */
    private String path = "/wxpay/notifications";

    /** The longest notification body read; WeChat Pay's are a few KB. */
    private DataSize maxBodySize = DataSize.ofKilobytes(64);

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      if (!path.startsWith("/") || path.endsWith("/")) {
        throw new IllegalArgumentException("wxpay.notifications.path must start with / and not end with /, was "
            + path);
      }
      this.path = path;
    }

    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
      // No more than the client reads of any answer (WechatPay.DEFAULT_MAX_ANSWER_BYTES), or its parser
      // would refuse what this let through.
      if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > WechatPay.DEFAULT_MAX_ANSWER_BYTES) {
        throw new IllegalArgumentException("wxpay.notifications.max-body-size must be from 1B to 4MB, was "
            + maxBodySize);
      }
      this.maxBodySize = maxBodySize;
    }
  }

  @Override
  public String toString() {
    return super.toString() + ", merchants=" + merchants + ", endpointBeans=" + endpointBeans;
  }
}
