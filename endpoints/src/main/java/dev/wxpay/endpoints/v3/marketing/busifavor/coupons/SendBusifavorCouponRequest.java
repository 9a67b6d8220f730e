package dev.wxpay.endpoints.v3.marketing.busifavor.coupons;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@link SendBusifavorCoupon}.
 *
 * @param openid the user's OpenID under {@code appid}
 * @param appid the official account or mini program app ID
 * @param stockId the stock to send a coupon of
 * @param outRequestNo the merchant's send request number, for idempotency
 * @param couponCode the coupon code, for stocks whose codes the merchant assigns
 */
public record SendBusifavorCouponRequest(
    String openid,
    String appid,
    String stockId,
    String outRequestNo,
    @Nullable String couponCode) {}
