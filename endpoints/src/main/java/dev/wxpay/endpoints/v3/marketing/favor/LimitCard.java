package dev.wxpay.endpoints.v3.marketing.favor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bank cards a coupon is limited to.
 *
 * @param name the card product name
 * @param bin the card BINs (6 to 9 digits each, at most 10)
 */
public record LimitCard(
    @Nullable String name,
    @Nullable List<String> bin) {}
