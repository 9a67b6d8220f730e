package dev.wxpay.endpoints.v3.marketing.favor;

import org.jspecify.annotations.Nullable;

/**
 * How a coupon looks in the user's card wallet.
 *
 * @param description the usage notes shown to the user
 * @param merchantLogo the merchant logo, a media URL from the image upload API
 * @param merchantName the merchant name
 * @param backgroundColor the background color
 * @param couponImage the coupon detail image, a media URL from the image upload API
 * @param jumpTarget where the card wallet sends the user
 * @param miniProgramAppid the mini program app ID, for {@link JumpTarget#MINI_PROGRAM}
 * @param miniProgramPath the mini program path, for {@link JumpTarget#MINI_PROGRAM}
 */
public record DisplayPatternInfo(
    @Nullable String description,
    @Nullable String merchantLogo,
    @Nullable String merchantName,
    @Nullable BackgroundColor backgroundColor,
    @Nullable String couponImage,
    @Nullable JumpTarget jumpTarget,
    @Nullable String miniProgramAppid,
    @Nullable String miniProgramPath) {}
