package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * An amount-off rule: a fixed amount off an order above a threshold.
 *
 * @param threshold the smallest order amount the rule applies to, in fen
 * @param discountAmount the amount off, in fen
 */
public record NormalCoupon(
    long threshold,
    long discountAmount) {}
