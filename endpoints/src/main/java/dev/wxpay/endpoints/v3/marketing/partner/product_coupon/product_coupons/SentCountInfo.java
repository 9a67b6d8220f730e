package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * How many coupons of a stock were sent.
 *
 * @param totalCount the number sent in total
 * @param todayCount the number sent today
 */
public record SentCountInfo(
    long totalCount,
    long todayCount) {}
