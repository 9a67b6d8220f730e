package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import org.jspecify.annotations.Nullable;

/**
 * Which stores accept a coupon, as shown to the user.
 *
 * @param description the description of the stores
 * @param miniProgramAppid the app ID of a mini program that lists the stores
 * @param miniProgramPath the path of that mini program
 */
public record CouponAvailableStoreInfo(
    String description,
    @Nullable String miniProgramAppid,
    @Nullable String miniProgramPath) {}
