package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * A mini program entrance on a coupon.
 *
 * @param appid the mini program app ID
 * @param path the mini program path
 * @param entranceWording the entrance text
 * @param guidanceWording the guidance text
 */
public record EntranceMiniProgram(
    String appid,
    String path,
    String entranceWording,
    String guidanceWording) {}
