package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When a coupon used several times can be used.
 *
 * @param availableBeginTime the start of the usable period
 * @param availableEndTime the end of the usable period
 * @param waitDaysAfterReceive how many days after it is received a coupon becomes usable
 * @param weeklyAvailablePeriod fixed weekdays and hours of use
 * @param irregularAvailablePeriodList irregular periods of use
 */
public record SequentialCouponAvailablePeriod(
    OffsetDateTime availableBeginTime,
    OffsetDateTime availableEndTime,
    @Nullable Integer waitDaysAfterReceive,
    @Nullable WeeklyAvailablePeriod weeklyAvailablePeriod,
    @Nullable List<IrregularAvailablePeriod> irregularAvailablePeriodList) {}
