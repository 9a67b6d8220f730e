package dev.wxpay.endpoints.v3.marketing.favor;

import org.jspecify.annotations.Nullable;

/**
 * How many coupons of a stock may be sent, and to whom.
 *
 * @param maxCoupons the total number of coupons
 * @param maxAmount the total budget, in fen
 * @param maxAmountByDay the budget per day, in fen
 * @param maxCouponsPerUser how many coupons one user may receive
 * @param naturalPersonLimit whether the per-user limit counts a natural person rather than an account
 * @param preventApiAbuse whether to screen API sends against abuse
 */
public record StockUseRule(
    long maxCoupons,
    long maxAmount,
    @Nullable Long maxAmountByDay,
    long maxCouponsPerUser,
    boolean naturalPersonLimit,
    boolean preventApiAbuse) {}
