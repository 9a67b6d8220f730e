package dev.wxpay.endpoints.v3.marketing.favor;

import org.jspecify.annotations.Nullable;

/**
 * The rule of a discount coupon: a percentage off an order.
 *
 * @param discountAmountMax the largest amount off, in fen
 * @param discountPercent the percentage to pay, e.g. 88 for 12% off
 * @param transactionMinimum the smallest order amount the coupon applies to, in fen
 */
public record DiscountCoupon(
    @Nullable Long discountAmountMax,
    @Nullable Integer discountPercent,
    @Nullable Long transactionMinimum) {}
