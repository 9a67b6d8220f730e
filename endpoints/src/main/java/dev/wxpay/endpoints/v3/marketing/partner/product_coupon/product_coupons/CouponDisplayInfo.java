package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import org.jspecify.annotations.Nullable;

/**
 * How a coupon is shown to the user.
 *
 * @param codeDisplayMode how the coupon code is shown
 * @param backgroundColor the background color
 * @param entranceMiniProgram a mini program entrance
 * @param entranceOfficialAccount an official account entrance
 * @param entranceFinder a channels (finder) entrance
 */
public record CouponDisplayInfo(
    @Nullable CodeDisplayMode codeDisplayMode,
    @Nullable BackgroundColor backgroundColor,
    @Nullable EntranceMiniProgram entranceMiniProgram,
    @Nullable EntranceOfficialAccount entranceOfficialAccount,
    @Nullable EntranceFinder entranceFinder) {}
