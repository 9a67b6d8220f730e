package dev.wxpay.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop that takes JSAPI payments: {@code POST /orders} places the order with WeChat Pay and answers the
 * payment page's parameters; WeChat Pay's notification to {@code /wxpay/notifications} marks it paid;
 * {@code GET /orders/<out_trade_no>} tells. Its WeChat Pay settings are in {@code application.yml}.
 */
@SpringBootApplication
public class ShopApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
