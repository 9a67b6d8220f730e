package dev.wxpay.endpoints.v3.bill;

import org.jspecify.annotations.Nullable;

/**
 * The query of {@link FundFlowBill}.
 *
 * @param billDate the day, {@code yyyy-MM-dd}
 * @param subMchid the sub-merchant, for platforms
 * @param accountType which fund account
 * @param tarType {@code GZIP} for a compressed file
 */
public record FundFlowBillQuery(
    String billDate,
    @Nullable String subMchid,
    @Nullable BillAccountType accountType,
    @Nullable BillTarType tarType) {}
