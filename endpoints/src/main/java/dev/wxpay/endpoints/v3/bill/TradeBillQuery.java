package dev.wxpay.endpoints.v3.bill;

import org.jspecify.annotations.Nullable;

/**
 * The query of {@link TradeBill}.
 *
 * @param billDate the day, {@code yyyy-MM-dd}
 * @param subMchid the sub-merchant, for platforms
 * @param billType which orders
 * @param tarType {@code GZIP} for a compressed file
 */
public record TradeBillQuery(
    String billDate,
    @Nullable String subMchid,
    @Nullable BillType billType,
    @Nullable BillTarType tarType) {}
