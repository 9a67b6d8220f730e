package dev.wxpay.endpoints.v3.marketing.busifavor.coupons;

import dev.wxpay.annotations.Endpoint;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Sends a merchant-exclusive (busifavor) coupon to a user (the "send a busifavor coupon" API). */
@Endpoint("v3/marketing/busifavor/coupons/send")
public interface SendBusifavorCoupon {
  /**
   * Sends a coupon.
   *
   * @param body the user, the stock and the request number
   * @return the stock ID and the code of the coupon sent
   */
  SendBusifavorCouponResponse post(SendBusifavorCouponRequest body);

  /**
   * Sends a coupon, with a body filled in by {@code body}.
   *
   * @param body fills the request, e.g. {@code b -> b.openid("...").appid("...").stockId("...")...}
   * @return the stock ID and the code of the coupon sent
   */
  SendBusifavorCouponResponse post(Consumer<SendBusifavorCouponRequestBuilder> body);

  /**
   * Sends a coupon without blocking.
   *
   * @param body the user, the stock and the request number
   * @return completes with the stock ID and the code of the coupon sent
   */
  CompletableFuture<SendBusifavorCouponResponse> postAsync(SendBusifavorCouponRequest body);
}
