package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fixed weekdays and hours in which a coupon can be used.
 *
 * @param dayList the weekdays
 * @param dayPeriodList the hours of each of those days
 */
public record WeeklyAvailablePeriod(
    @Nullable List<Weekday> dayList,
    @Nullable List<DayPeriod> dayPeriodList) {}
