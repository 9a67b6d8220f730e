package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When a coupon used once can be used.
 *
 * @param availableBeginTime the start of the usable period
 * @param availableEndTime the end of the usable period
 * @param availableDays how many days a coupon stays usable once it becomes usable
 * @param waitDaysAfterReceive how many days after it is received a coupon becomes usable
 * @param weeklyAvailablePeriod fixed weekdays and hours of use
 * @param irregularAvailablePeriodList irregular periods of use
 * @param availableSeconds how many seconds a coupon stays usable after it is received
 */
public record SingleCouponAvailablePeriod(
    OffsetDateTime availableBeginTime,
    OffsetDateTime availableEndTime,
    @Nullable Integer availableDays,
    @Nullable Integer waitDaysAfterReceive,
    @Nullable WeeklyAvailablePeriod weeklyAvailablePeriod,
    @Nullable List<IrregularAvailablePeriod> irregularAvailablePeriodList,
    @Nullable Long availableSeconds) {}
