package dev.wxpay.endpoints.v3.marketing.favor.stocks;

import java.time.OffsetDateTime;

/**
 * The answer of {@link RestartStock}.
 *
 * @param stockId the stock ID
 * @param restartTime when the restart took effect
 */
public record RestartStockResponse(
    String stockId,
    OffsetDateTime restartTime) {}
