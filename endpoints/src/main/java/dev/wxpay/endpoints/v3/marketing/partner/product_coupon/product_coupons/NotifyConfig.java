package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import org.jspecify.annotations.Nullable;

/**
 * Where the event notifications of a stock go.
 *
 * @param notifyAppid the app ID whose notification settings receive the events
 */
public record NotifyConfig(
    @Nullable String notifyAppid) {}
