package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * An official account entrance on a coupon.
 *
 * @param appid the official account app ID
 */
public record EntranceOfficialAccount(
    String appid) {}
