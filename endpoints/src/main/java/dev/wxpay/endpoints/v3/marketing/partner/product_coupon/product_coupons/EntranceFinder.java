package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * A channels (finder) entrance on a coupon.
 *
 * @param finderId the channels account ID
 * @param finderVideoId the video ID
 * @param finderVideoCoverImageUrl the URL of the video cover image
 */
public record EntranceFinder(
    String finderId,
    String finderVideoId,
    String finderVideoCoverImageUrl) {}
