package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A stock of a product coupon, as the API returns it. Its enums are nullable: a value WeChat Pay adds
 * later reads as null rather than failing the call.
 *
 * @param productCouponId the product coupon ID
 * @param stockId the stock ID
 * @param remark a remark on the stock
 * @param couponCodeMode how coupon codes are assigned
 * @param couponCodeCountInfo how many codes the brand uploaded, for {@link CouponCodeMode#UPLOAD}
 * @param stockSendRule how many coupons may be sent
 * @param singleUsageRule the rule of a coupon used once
 * @param sequentialUsageRule the rule of a coupon used several times
 * @param usageRuleDisplayInfo how the usage rules are shown to the user
 * @param couponDisplayInfo how the coupon is shown to the user
 * @param notifyConfig where event notifications go
 * @param storeScope which stores accept the coupon
 * @param sentCountInfo how many coupons were sent
 * @param state the state of the stock
 * @param deactivateRequestNo the request number of the deactivation
 * @param deactivateTime when the stock was deactivated
 * @param deactivateReason why the stock was deactivated
 * @param brandId the brand ID
 */
public record ProductCouponStock(
    String productCouponId,
    String stockId,
    @Nullable String remark,
    @Nullable CouponCodeMode couponCodeMode,
    @Nullable CouponCodeCountInfo couponCodeCountInfo,
    StockSendRule stockSendRule,
    @Nullable SingleUsageRule singleUsageRule,
    @Nullable SequentialUsageRule sequentialUsageRule,
    UsageRuleDisplayInfo usageRuleDisplayInfo,
    CouponDisplayInfo couponDisplayInfo,
    NotifyConfig notifyConfig,
    @Nullable StoreScope storeScope,
    SentCountInfo sentCountInfo,
    @Nullable StockState state,
    @Nullable String deactivateRequestNo,
    @Nullable OffsetDateTime deactivateTime,
    @Nullable String deactivateReason,
    String brandId) {}
