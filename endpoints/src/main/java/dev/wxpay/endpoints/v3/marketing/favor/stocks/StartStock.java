package dev.wxpay.endpoints.v3.marketing.favor.stocks;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Activates a newly created favor (cash coupon) stock so that its coupons can be sent (the "start a favor
 * stock" API). For a prepaid stock, activation locks its budget in the merchant account.
 */
@Endpoint("v3/marketing/favor/stocks/<stock_id>/start")
public interface StartStock {
  /**
   * Activates the stock.
   *
   * @param stockId the stock to activate
   * @param body the request body
   * @return the stock ID and when the activation took effect
   */
  StartStockResponse post(@Path("stock_id") String stockId, StartStockRequest body);

  /**
   * Activates the stock, with a body filled in by {@code body}.
   *
   * @param stockId the stock to activate
   * @param body fills the request body, e.g. {@code b -> b.stockCreatorMchid("8956000")}
   * @return the stock ID and when the activation took effect
   */
  StartStockResponse post(
      @Path("stock_id") String stockId, Consumer<StartStockRequestBuilder> body);

  /**
   * Activates the stock without blocking.
   *
   * @param stockId the stock to activate
   * @param body the request body
   * @return completes with the stock ID and when the activation took effect
   */
  CompletableFuture<StartStockResponse> postAsync(
      @Path("stock_id") String stockId, StartStockRequest body);
}
