package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import org.jspecify.annotations.Nullable;

/**
 * How many coupons of a stock may be sent.
 *
 * @param maxCount the total number of coupons
 * @param maxCountPerDay the number of coupons per day
 * @param maxCountPerUser how many coupons one user may receive
 */
public record StockSendRule(
    long maxCount,
    @Nullable Long maxCountPerDay,
    @Nullable Long maxCountPerUser) {}
