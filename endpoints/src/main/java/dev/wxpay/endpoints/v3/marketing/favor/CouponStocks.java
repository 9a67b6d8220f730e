package dev.wxpay.endpoints.v3.marketing.favor;

import dev.wxpay.annotations.Endpoint;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Creates favor (cash coupon) stocks, prepaid or without funds flow (the "create a favor stock" API). A new
 * stock must be activated with {@link dev.wxpay.endpoints.v3.marketing.favor.stocks.StartStock} before
 * its coupons can be sent.
 */
@Endpoint("v3/marketing/favor/coupon-stocks")
public interface CouponStocks {
  /**
   * Creates a stock.
   *
   * @param body the new stock
   * @return the new stock's ID and creation time
   */
  CreateCouponStockResponse post(CreateCouponStockRequest body);

  /**
   * Creates a stock described by {@code body}, e.g.
   * {@code b -> b.stockName("Spring sale").stockUseRule(r -> r.maxCoupons(100)...)...}.
   *
   * @param body fills the new stock
   * @return the new stock's ID and creation time
   */
  CreateCouponStockResponse post(Consumer<CreateCouponStockRequestBuilder> body);

  /**
   * Creates a stock without blocking.
   *
   * @param body the new stock
   * @return completes with the new stock's ID and creation time
   */
  CompletableFuture<CreateCouponStockResponse> postAsync(CreateCouponStockRequest body);
}
