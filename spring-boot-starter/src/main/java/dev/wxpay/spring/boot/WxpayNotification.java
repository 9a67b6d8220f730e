package dev.wxpay.spring.boot;

import dev.wxpay.runtime.Notification;
import java.time.OffsetDateTime;

/**
 * A verified, decrypted notification with its resource decoded, as a {@link WxpayNotificationHandler} gets
 * it. WeChat Pay may deliver one notification more than once: {@link #id()} tells them apart.
 *
 * @param <T> the type of the resource
 */
public final class WxpayNotification<T> {

  private final String merchant;
  private final Notification notification;
  private final T resource;

  WxpayNotification(String merchant, Notification notification, T resource) {
    this.merchant = merchant;
    this.notification = notification;
    this.resource = resource;
  }

  /** The merchant it was sent to: {@code default}, or the name under {@code wxpay.merchants}. */
  public String merchant() {
    return merchant;
  }

  /** The notification id, the same on every delivery of one notification: the key to handle it once. */
  public String id() {
    return notification.id();
  }

  /** The event, e.g. {@code TRANSACTION.SUCCESS} or {@code REFUND.SUCCESS}. */
  public String eventType() {
    return notification.eventType();
  }

  public OffsetDateTime createTime() {
    return notification.createTime();
  }

  /** The decrypted resource, decoded with the handler's adapter. */
  public T resource() {
    return resource;
  }

  /** The notification as the runtime parsed it: the resource as JSON text, its summary, its types. */
  public Notification notification() {
    return notification;
  }

  /** Without the resource, which may hold personal data. */
  @Override
  public String toString() {
    return "WxpayNotification{merchant=" + merchant + ", id=" + id() + ", eventType=" + eventType() + "}";
  }
}
