package dev.wxpay.endpoints.v3.marketing.busifavor.coupons;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link SendBusifavorCoupon}.
 *
 * @param stockId the stock ID
 * @param couponCode the code of the coupon sent
 * @param outRequestNo the merchant's send request number
 */
public record SendBusifavorCouponResponse(
    String stockId,
    @Nullable String couponCode,
    @Nullable String outRequestNo) {}
