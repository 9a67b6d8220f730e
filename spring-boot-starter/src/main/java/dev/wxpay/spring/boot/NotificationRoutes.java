package dev.wxpay.spring.boot;

import dev.wxpay.runtime.NotificationParser;
import dev.wxpay.runtime.WechatPay;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The notification paths and what serves each, the same for Spring MVC and WebFlux: the default merchant (or
 * the application's only {@code WechatPay} bean) at {@code wxpay.notifications.path}, each named merchant
 * (and any other bean) below it by name.
 */
final class NotificationRoutes {

  private NotificationRoutes() {}

  /** The dispatcher of each path. */
  static Map<String, NotificationDispatcher> dispatchers(Map<String, WechatPay> clients,
      ObjectProvider<WxpayNotificationHandler<?>> handlers, WxpayProperties.Notifications settings) {
    Map<String, WxpayNotificationHandler<?>> byEventType = byEventType(handlers);
    Map<String, NotificationDispatcher> byPath = new LinkedHashMap<>();
    clients.forEach((bean, client) -> {
      String merchant = WxpayBeanRegistrar.merchantOf(bean);
      // A named merchant's path never changes, whatever merchants are added beside it: notify_urls of open
      // orders keep working. Only the default merchant, or a single client of the application's, is at the base.
      boolean named = bean.startsWith(WxpayBeanRegistrar.MERCHANT_BEAN_PREFIX);
      boolean atBase = bean.equals(WxpayBeanRegistrar.DEFAULT_BEAN) || (clients.size() == 1 && !named);
      String path = atBase ? settings.getPath() : settings.getPath() + "/" + merchant;
      byPath.put(path, new NotificationDispatcher(merchant, parser(bean, client), byEventType));
    });
    return byPath;
  }

  private static Map<String, WxpayNotificationHandler<?>> byEventType(
      ObjectProvider<WxpayNotificationHandler<?>> handlers) {
    Map<String, WxpayNotificationHandler<?>> byEventType = new LinkedHashMap<>();
    handlers.orderedStream().forEach(handler -> {
      WxpayNotificationHandler<?> other = byEventType.putIfAbsent(handler.eventType(), handler);
      if (other != null) {
        throw new IllegalStateException("two WxpayNotificationHandler beans handle " + handler.eventType()
            + " (" + other + " and " + handler + "); declare one per event type");
      }
    });
    return byEventType;
  }

  private static NotificationParser parser(String bean, WechatPay client) {
    try {
      return client.notifications();
    } catch (IllegalStateException e) {
      // A client the starter made from properties: name the property to set.
      if (bean.equals(WxpayBeanRegistrar.DEFAULT_BEAN) || bean.startsWith(WxpayBeanRegistrar.MERCHANT_BEAN_PREFIX)) {
        String property = WechatPayFactory.propertyPrefix(WxpayBeanRegistrar.merchantOf(bean)) + "api-v3-key";
        throw new InvalidWxpayPropertyException(property, "missing; notifications (there is a"
            + " WxpayNotificationHandler bean) are decrypted with the APIv3 key", e);
      }
      throw new IllegalStateException("the WechatPay bean " + bean + " cannot receive notifications: "
          + e.getMessage(), e);
    }
  }
}
