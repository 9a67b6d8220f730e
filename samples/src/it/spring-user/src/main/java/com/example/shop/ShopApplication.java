package com.example.shop;

import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponseJsonAdapter;
import dev.wxpay.spring.boot.WxpayNotificationHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ShopApplication {

  /** The orders paid, by out_trade_no; a database in a real shop. */
  final Set<String> paid = ConcurrentHashMap.newKeySet();

  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }

  @Bean
  WxpayNotificationHandler<OutTradeNoByOutTradeNoResponse> transactionSucceeded() {
    return WxpayNotificationHandler.of("TRANSACTION.SUCCESS", OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE,
        notification -> paid.add(notification.resource().outTradeNo()));
  }
}
