package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * An exchange rule: the product at a fixed price for an order above a threshold.
 *
 * @param threshold the smallest order amount the rule applies to, in fen
 * @param exchangePrice the price of the product, in fen
 */
public record ExchangeCoupon(
    long threshold,
    long exchangePrice) {}
