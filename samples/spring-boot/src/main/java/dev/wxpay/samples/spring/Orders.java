package dev.wxpay.samples.spring;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The shop's orders; in memory here, a database in a real shop. */
@Component
public class Orders {

  /** An order and what WeChat Pay said about it. */
  public record Order(String outTradeNo, String description, long total, String status, String transactionId) {}

  private final Map<String, Order> byOutTradeNo = new ConcurrentHashMap<>();
  /** The notifications already taken: WeChat Pay may deliver one more than once. */
  private final Set<String> notifications = ConcurrentHashMap.newKeySet();
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());

  Order open(String description, long total) {
    Order order = new Order("SHOP" + sequence.incrementAndGet(), description, total, "NOTPAY", "");
    byOutTradeNo.put(order.outTradeNo(), order);
    return order;
  }

  Optional<Order> find(String outTradeNo) {
    return Optional.ofNullable(byOutTradeNo.get(outTradeNo));
  }

  /**
   * Marks an order paid, once per notification id; false if this notification was taken before.
   *
   * @throws IllegalArgumentException for an order the shop does not know, or an amount that differs
   */
  boolean markPaid(String notificationId, String outTradeNo, String transactionId, long total) {
    Order order = find(outTradeNo).orElseThrow(() -> new IllegalArgumentException("no order " + outTradeNo));
    if (order.total() != total) {
      throw new IllegalArgumentException("order " + outTradeNo + " is " + order.total() + " fen, paid " + total);
    }
    if (!notifications.add(notificationId)) {
      return false;
    }
    byOutTradeNo.put(outTradeNo, new Order(outTradeNo, order.description(), total, "SUCCESS", transactionId));
    return true;
  }
}
