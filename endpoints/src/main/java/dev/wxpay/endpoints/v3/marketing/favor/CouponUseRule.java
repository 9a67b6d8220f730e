package dev.wxpay.endpoints.v3.marketing.favor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When, where and how a coupon of a stock can be used. Set the coupon rule that matches the stock type.
 *
 * @param couponAvailableTime when a coupon can be used
 * @param fixedNormalCoupon the rule of a fixed-amount coupon
 * @param discountCoupon the rule of a discount coupon
 * @param exchangeCoupon the rule of an exchange coupon
 * @param goodsTag order goods tags the coupon applies to
 * @param limitPay payment methods the coupon is limited to, e.g. {@code ICBC_CREDIT}
 * @param limitCard bank cards the coupon is limited to
 * @param tradeType trade types the coupon is limited to
 * @param availableItems goods codes the coupon can be used for
 * @param unavailableItems goods codes excluded from the discount
 * @param availableMerchants merchant IDs where the coupon can be used
 * @param combineUse whether the coupon can be combined with other discounts
 */
public record CouponUseRule(
    CouponAvailableTime couponAvailableTime,
    @Nullable FixedNormalCoupon fixedNormalCoupon,
    @Nullable DiscountCoupon discountCoupon,
    @Nullable ExchangeCoupon exchangeCoupon,
    @Nullable List<String> goodsTag,
    @Nullable List<String> limitPay,
    @Nullable LimitCard limitCard,
    @Nullable List<TradeType> tradeType,
    @Nullable List<String> availableItems,
    @Nullable List<String> unavailableItems,
    @Nullable List<String> availableMerchants,
    @Nullable Boolean combineUse) {}
