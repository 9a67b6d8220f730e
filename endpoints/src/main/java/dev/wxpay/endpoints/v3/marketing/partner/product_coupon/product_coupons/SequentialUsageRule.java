package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rule of a coupon used several times, one discount per use. Set the coupon list that matches the
 * product coupon's type.
 *
 * @param couponAvailablePeriod when a coupon can be used
 * @param normalCouponList the amount-off rule of each use
 * @param discountCouponList the discount rule of each use
 * @param exchangeCouponList the exchange rule of each use
 * @param specialFirst whether the first use gets a special offer
 */
public record SequentialUsageRule(
    SequentialCouponAvailablePeriod couponAvailablePeriod,
    @Nullable List<NormalCoupon> normalCouponList,
    @Nullable List<DiscountCoupon> discountCouponList,
    @Nullable List<ExchangeCoupon> exchangeCouponList,
    @Nullable Boolean specialFirst) {}
