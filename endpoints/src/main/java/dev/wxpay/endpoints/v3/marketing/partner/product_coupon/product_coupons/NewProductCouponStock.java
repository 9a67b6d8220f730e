package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import org.jspecify.annotations.Nullable;

/**
 * A stock to add to a product coupon.
 *
 * @param remark a remark on the stock
 * @param couponCodeMode how coupon codes are assigned
 * @param stockSendRule how many coupons may be sent
 * @param singleUsageRule the rule of a coupon used once
 * @param sequentialUsageRule the rule of a coupon used several times
 * @param usageRuleDisplayInfo how the usage rules are shown to the user
 * @param couponDisplayInfo how the coupon is shown to the user
 * @param notifyConfig where event notifications go
 * @param storeScope which stores accept the coupon
 */
public record NewProductCouponStock(
    @Nullable String remark,
    CouponCodeMode couponCodeMode,
    StockSendRule stockSendRule,
    @Nullable SingleUsageRule singleUsageRule,
    @Nullable SequentialUsageRule sequentialUsageRule,
    UsageRuleDisplayInfo usageRuleDisplayInfo,
    CouponDisplayInfo couponDisplayInfo,
    NotifyConfig notifyConfig,
    StoreScope storeScope) {}
