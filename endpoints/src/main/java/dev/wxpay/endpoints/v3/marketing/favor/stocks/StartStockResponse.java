package dev.wxpay.endpoints.v3.marketing.favor.stocks;

import java.time.OffsetDateTime;

/**
 * The answer of {@link StartStock}.
 *
 * @param stockId the stock ID
 * @param startTime when the activation took effect
 */
public record StartStockResponse(
    String stockId,
    OffsetDateTime startTime) {}
