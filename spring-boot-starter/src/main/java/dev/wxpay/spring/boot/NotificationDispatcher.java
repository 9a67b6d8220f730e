package dev.wxpay.spring.boot;

import dev.wxpay.runtime.Notification;
import dev.wxpay.runtime.NotificationParser;
import dev.wxpay.runtime.SignatureProbeException;
import dev.wxpay.runtime.ValidationException;
import dev.wxpay.runtime.WechatPayException;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The WeChat Pay part of receiving one merchant's notifications, apart from any web framework: verify,
 * decrypt, decode, hand to the handler of the event type, and choose the answer. WeChat Pay takes a 2xx
 * as delivered; anything else makes it deliver again later.
 */
final class NotificationDispatcher {

  private static final Log LOG = LogFactory.getLog(NotificationDispatcher.class);

  /** The status and, for a failure, the JSON body WeChat Pay expects ({@code code} FAIL and a message). */
  record Answer(int status, @Nullable String body) {
    static final Answer DELIVERED = new Answer(204, null);
    static final Answer TOO_LARGE = fail(413, "too large");

    static Answer fail(int status, String message) {
      // Fixed texts only: nothing of the request or of an exception goes back.
      return new Answer(status, "{\"code\":\"FAIL\",\"message\":\"" + message + "\"}");
    }
  }

  private static final long WARNING_INTERVAL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

  private final String merchant;
  private final NotificationParser parser;
  private final java.util.concurrent.atomic.AtomicLong lastWarning = new java.util.concurrent.atomic.AtomicLong();
  private final Map<String, WxpayNotificationHandler<?>> handlers;

  NotificationDispatcher(String merchant, NotificationParser parser,
      Map<String, WxpayNotificationHandler<?>> handlers) {
    this.merchant = merchant;
    this.parser = parser;
    this.handlers = Map.copyOf(handlers);
  }

  Answer dispatch(Function<String, @Nullable String> headers, byte[] body) {
    Notification notification;
    try {
      notification = parser.parse(headers, body);
    } catch (SignatureProbeException e) {
      // WeChat Pay checking that we verify: refusing it is the right answer.
      LOG.info("wxpay: answered a WeChat Pay signature probe with 401 (merchant " + merchant + ")");
      return Answer.fail(401, "signature probe");
    } catch (ValidationException e) {
      refused("failed verification (" + e.reason() + "): " + e.getMessage());
      return Answer.fail(401, "verification failed");
    } catch (WechatPayException e) {
      refused("is no notification: " + e.getMessage());
      return Answer.fail(400, "not a notification");
    }
    WxpayNotificationHandler<?> handler = handlers.get(notification.eventType());
    if (handler == null) {
      // Answered as a failure so that nothing is lost: it comes again, e.g. once a handler is deployed.
      LOG.warn("wxpay: no WxpayNotificationHandler for " + notification.eventType() + " (notification "
          + notification.id() + ", merchant " + merchant + "); WeChat Pay will deliver it again");
      return Answer.fail(500, "no handler");
    }
    try {
      handle(handler, notification);
      return Answer.DELIVERED;
    } catch (Exception e) {
      LOG.error("wxpay: the handler of " + notification.eventType() + " failed on notification "
          + notification.id() + " (merchant " + merchant + "); WeChat Pay will deliver it again", e);
      return Answer.fail(500, "handler failed");
    }
  }

  /**
   * Anyone can post to the endpoint: a refusal is a warning at most once a minute (a wrong key shows at
   * once, a flood does not fill the log), the rest at debug level.
   */
  private void refused(String why) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    String message = "wxpay: refused a request to merchant " + merchant + "'s notification endpoint that " + why;
    if ((last == 0 || now - last >= WARNING_INTERVAL_NANOS) && lastWarning.compareAndSet(last, now)) {
      LOG.warn(message + " (further refusals within a minute are logged at debug level)");
    } else if (LOG.isDebugEnabled()) {
      LOG.debug(message);
    }
  }

  private <T> void handle(WxpayNotificationHandler<T> handler, Notification notification) throws Exception {
    T resource = notification.resource(handler.resourceAdapter());
    handler.handle(new WxpayNotification<>(merchant, notification, resource));
  }
}
