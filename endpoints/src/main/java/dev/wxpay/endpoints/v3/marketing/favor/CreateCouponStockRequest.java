package dev.wxpay.endpoints.v3.marketing.favor;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@link CouponStocks}: a new favor (cash coupon) stock.
 *
 * @param stockName the stock name
 * @param availableBeginTime when the stock starts
 * @param availableEndTime when the stock ends
 * @param stockUseRule how many coupons may be sent, and to whom
 * @param noCash true for a stock without funds flow (no prepaid budget)
 * @param stockType the kind of coupon
 * @param comment a remark on the stock
 * @param belongMerchant the merchant ID the stock belongs to
 * @param patternInfo how the coupon looks in the user's card wallet
 * @param couponUseRule when, where and how a coupon can be used
 * @param outRequestNo the merchant's request number, unique per merchant, for idempotency
 * @param extInfo extra attributes, as a JSON text
 */
public record CreateCouponStockRequest(
    String stockName,
    OffsetDateTime availableBeginTime,
    OffsetDateTime availableEndTime,
    StockUseRule stockUseRule,
    boolean noCash,
    StockType stockType,
    @Nullable String comment,
    String belongMerchant,
    @Nullable DisplayPatternInfo patternInfo,
    CouponUseRule couponUseRule,
    String outRequestNo,
    @Nullable String extInfo) {}
