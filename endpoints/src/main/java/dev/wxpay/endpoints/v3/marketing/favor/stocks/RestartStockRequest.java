package dev.wxpay.endpoints.v3.marketing.favor.stocks;

/**
 * The body of {@link RestartStock}.
 *
 * @param stockCreatorMchid the merchant ID that created the stock
 */
public record RestartStockRequest(
    String stockCreatorMchid) {}
