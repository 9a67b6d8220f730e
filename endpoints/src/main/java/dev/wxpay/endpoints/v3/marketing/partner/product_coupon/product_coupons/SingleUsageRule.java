package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import org.jspecify.annotations.Nullable;

/**
 * The rule of a coupon used once. Set the coupon rule that matches the product coupon's type.
 *
 * @param couponAvailablePeriod when a coupon can be used
 * @param normalCoupon the rule of an amount-off coupon
 * @param discountCoupon the rule of a discount coupon
 * @param exchangeCoupon the rule of an exchange coupon
 */
public record SingleUsageRule(
    SingleCouponAvailablePeriod couponAvailablePeriod,
    @Nullable NormalCoupon normalCoupon,
    @Nullable DiscountCoupon discountCoupon,
    @Nullable ExchangeCoupon exchangeCoupon) {}
