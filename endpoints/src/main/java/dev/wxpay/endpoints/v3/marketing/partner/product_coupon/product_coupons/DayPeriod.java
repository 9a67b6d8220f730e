package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * A period within a day.
 *
 * @param beginTime the start, in seconds since midnight
 * @param endTime the end, in seconds since midnight
 */
public record DayPeriod(
    int beginTime,
    int endTime) {}
