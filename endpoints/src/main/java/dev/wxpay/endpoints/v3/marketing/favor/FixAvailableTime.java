package dev.wxpay.endpoints.v3.marketing.favor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fixed weekdays and hours in which a coupon can be used.
 *
 * @param availableWeekDay the weekdays, 0 (Sunday) to 6 (Saturday)
 * @param beginTime the start of the day's window, in seconds since midnight (0 to 86400)
 * @param endTime the end of the day's window, in seconds since midnight (1 to 86399)
 */
public record FixAvailableTime(
    @Nullable List<Integer> availableWeekDay,
    @Nullable Integer beginTime,
    @Nullable Integer endTime) {}
