package dev.wxpay.endpoints.v3.marketing.favor;

import org.jspecify.annotations.Nullable;

/**
 * The rule of an exchange coupon: an item at a fixed price.
 *
 * @param exchangePrice the price of the item, in fen
 * @param transactionMinimum the smallest order amount the coupon applies to, in fen
 */
public record ExchangeCoupon(
    @Nullable Long exchangePrice,
    @Nullable Long transactionMinimum) {}
