package dev.wxpay.spring.boot;

import com.squareup.moshi.JsonAdapter;
import java.util.Objects;

/**
 * Handles the notifications of one event type, declared as a bean; the starter then serves
 * {@code POST wxpay.notifications.path} (default {@code /wxpay/notifications}, and {@code /<name>} below it
 * for each named merchant): it reads the raw body, verifies and decrypts it, decodes the resource with
 * {@link #resourceAdapter()}, calls {@link #handle} and answers WeChat Pay.
 *
 * <pre>{@code
 * @Bean
 * WxpayNotificationHandler<OutTradeNoByOutTradeNoResponse> paid(Orders orders) {
 *   return WxpayNotificationHandler.of("TRANSACTION.SUCCESS", OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE,
 *       n -> orders.markPaid(n.id(), n.resource().outTradeNo()));
 * }
 * }</pre>
 *
 * <p>Returning answers 204: WeChat Pay will not send it again. Throwing answers 500 and WeChat Pay sends it
 * again later, so a handler must be idempotent: {@link WxpayNotification#id()} is the same on each delivery.
 *
 * @param <T> the type of the decrypted resource
 */
public interface WxpayNotificationHandler<T> {

  /** The event type handled, e.g. {@code TRANSACTION.SUCCESS}; one handler per event type. */
  String eventType();

  /** Decodes the decrypted resource: a generated {@code ...JsonAdapter.INSTANCE}. */
  JsonAdapter<T> resourceAdapter();

  /** Handles a verified notification; throw to have WeChat Pay deliver it again. */
  void handle(WxpayNotification<T> notification) throws Exception;

  /** What a handler does, as a lambda. */
  @FunctionalInterface
  interface Body<T> {
    void handle(WxpayNotification<T> notification) throws Exception;
  }

  /** A handler of {@code eventType} that decodes the resource with {@code resourceAdapter}. */
  static <T> WxpayNotificationHandler<T> of(String eventType, JsonAdapter<T> resourceAdapter, Body<T> body) {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(resourceAdapter, "resourceAdapter");
    Objects.requireNonNull(body, "body");
    return new WxpayNotificationHandler<>() {
      @Override
      public String eventType() {
        return eventType;
      }

      @Override
      public JsonAdapter<T> resourceAdapter() {
        return resourceAdapter;
      }

      @Override
      public void handle(WxpayNotification<T> notification) throws Exception {
        body.handle(notification);
      }

      @Override
      public String toString() {
        return "WxpayNotificationHandler{" + eventType + "}";
      }
    };
  }
}
