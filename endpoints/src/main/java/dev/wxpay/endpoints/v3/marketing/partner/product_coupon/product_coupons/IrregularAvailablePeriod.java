package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import java.time.OffsetDateTime;

/**
 * A period of use outside the regular ones.
 *
 * @param beginTime the start
 * @param endTime the end
 */
public record IrregularAvailablePeriod(
    OffsetDateTime beginTime,
    OffsetDateTime endTime) {}
