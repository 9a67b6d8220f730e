package dev.wxpay.endpoints.v3.marketing.favor;

import java.time.OffsetDateTime;

/**
 * The answer of {@link CouponStocks}.
 *
 * @param stockId the ID of the new stock
 * @param createTime when the stock was created
 */
public record CreateCouponStockResponse(
    String stockId,
    OffsetDateTime createTime) {}
