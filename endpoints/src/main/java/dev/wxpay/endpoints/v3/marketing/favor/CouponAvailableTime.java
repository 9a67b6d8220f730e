package dev.wxpay.endpoints.v3.marketing.favor;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * When a coupon can be used.
 *
 * @param availableBeginTime the start of the usable period
 * @param availableEndTime the end of the usable period
 * @param fixAvailableTime fixed weekdays and hours of use
 * @param secondDayAvailable whether a coupon becomes usable only on the day after it is received
 * @param availableTimeAfterReceive how long a coupon stays usable after it is received, in minutes
 */
public record CouponAvailableTime(
    @Nullable OffsetDateTime availableBeginTime,
    @Nullable OffsetDateTime availableEndTime,
    @Nullable FixAvailableTime fixAvailableTime,
    @Nullable Boolean secondDayAvailable,
    @Nullable Integer availableTimeAfterReceive) {}
