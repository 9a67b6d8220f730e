package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the usage rules of a coupon are shown to the user.
 *
 * @param couponUsageMethodList where the coupon can be used
 * @param miniProgramAppid the mini program app ID, for {@link CouponUsageMethod#MINI_PROGRAM}
 * @param miniProgramPath the mini program path, for {@link CouponUsageMethod#MINI_PROGRAM}
 * @param appPath the H5 path that opens the app, for {@link CouponUsageMethod#APP}
 * @param usageDescription the usage notes shown to the user
 * @param couponAvailableStoreInfo which stores accept the coupon, as shown to the user
 * @param appJumpType how the app is opened
 * @param passcodeLink the passcode link, for {@link AppJumpType#PASSCODE_LINK}
 */
public record UsageRuleDisplayInfo(
    List<CouponUsageMethod> couponUsageMethodList,
    @Nullable String miniProgramAppid,
    @Nullable String miniProgramPath,
    @Nullable String appPath,
    String usageDescription,
    @Nullable CouponAvailableStoreInfo couponAvailableStoreInfo,
    @Nullable AppJumpType appJumpType,
    @Nullable String passcodeLink) {}
