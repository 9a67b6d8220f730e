package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * A discount rule: a percentage off an order above a threshold.
 *
 * @param threshold the smallest order amount the rule applies to, in fen
 * @param percentOff the percentage off, e.g. 20 for 20% off
 */
public record DiscountCoupon(
    long threshold,
    int percentOff) {}
