package dev.wxpay.samples.spring;

import dev.wxpay.endpoints.v3.pay.TransactionTradeState;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponseJsonAdapter;
import dev.wxpay.spring.boot.WxpayNotificationHandler;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the shop does with WeChat Pay's payment notification. The starter has verified and decrypted it by
 * then, and answers WeChat Pay: 204 when this returns, 500 (deliver again later) when it throws.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentNotifications {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentNotifications.class);

  @Bean
  public WxpayNotificationHandler<OutTradeNoByOutTradeNoResponse> transactionSucceeded(Orders orders) {
    return WxpayNotificationHandler.of("TRANSACTION.SUCCESS", OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE,
        notification -> {
          OutTradeNoByOutTradeNoResponse transaction = notification.resource();
          if (transaction.tradeState() != TransactionTradeState.SUCCESS) {
            return;
          }
          long total = Objects.requireNonNull(Objects.requireNonNull(transaction.amount(), "amount").total(), "total");
          boolean first = orders.markPaid(notification.id(), Objects.requireNonNull(transaction.outTradeNo()),
              Objects.requireNonNull(transaction.transactionId()), total);
          LOG.info("order {} paid ({}), notification {}", transaction.outTradeNo(),
              first ? "recorded" : "already recorded", notification.id());
        });
  }
}
