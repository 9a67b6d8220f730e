package dev.wxpay.endpoints.v3.marketing.favor;

/**
 * The rule of a fixed-amount coupon: a fixed amount off an order above a threshold.
 *
 * @param couponAmount the amount off, in fen
 * @param transactionMinimum the smallest order amount the coupon applies to, in fen
 */
public record FixedNormalCoupon(
    long couponAmount,
    long transactionMinimum) {}
