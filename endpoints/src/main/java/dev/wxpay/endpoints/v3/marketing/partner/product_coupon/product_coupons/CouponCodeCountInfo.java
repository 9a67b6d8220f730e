package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * How many coupon codes the brand uploaded.
 *
 * @param totalCount the number of codes uploaded
 * @param availableCount the number of codes still available
 */
public record CouponCodeCountInfo(
    long totalCount,
    long availableCount) {}
