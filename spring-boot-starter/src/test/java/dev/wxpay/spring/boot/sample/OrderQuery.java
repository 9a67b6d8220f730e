package dev.wxpay.spring.boot.sample;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Get;
import dev.wxpay.annotations.Path;
import dev.wxpay.annotations.Query;

/** An endpoint an application declares itself: the starter makes it a bean like the ready-made ones. */
@Endpoint("v3/pay/transactions/id/{transaction_id}")
public interface OrderQuery {
  @Get
  Order byTransactionId(@Path("transaction_id") String transactionId, @Query("mchid") String mchid);

  /** Only the fields this application reads. */
  record Order(String transactionId, String mchid) {}
}
