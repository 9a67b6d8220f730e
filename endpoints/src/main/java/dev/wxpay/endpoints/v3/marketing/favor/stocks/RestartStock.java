package dev.wxpay.endpoints.v3.marketing.favor.stocks;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Restarts a paused favor (cash coupon) stock so that its coupons can be sent again (the "restart a favor
 * stock" API).
 */
@Endpoint("v3/marketing/favor/stocks/<stock_id>/restart")
public interface RestartStock {
  /**
   * Restarts the stock.
   *
   * @param stockId the stock to restart
   * @param body the request body
   * @return the stock ID and when the restart took effect
   */
  RestartStockResponse post(@Path("stock_id") String stockId, RestartStockRequest body);

  /**
   * Restarts the stock, with a body filled in by {@code body}.
   *
   * @param stockId the stock to restart
   * @param body fills the request body, e.g. {@code b -> b.stockCreatorMchid("8956000")}
   * @return the stock ID and when the restart took effect
   */
  RestartStockResponse post(
      @Path("stock_id") String stockId, Consumer<RestartStockRequestBuilder> body);

  /**
   * Restarts the stock without blocking.
   *
   * @param stockId the stock to restart
   * @param body the request body
   * @return completes with the stock ID and when the restart took effect
   */
  CompletableFuture<RestartStockResponse> postAsync(
      @Path("stock_id") String stockId, RestartStockRequest body);
}
