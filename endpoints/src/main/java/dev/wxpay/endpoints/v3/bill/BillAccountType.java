package dev.wxpay.endpoints.v3.bill;

/** Which fund account a fund-flow bill covers. */
public enum BillAccountType {
  BASIC,
  OPERATION,
  FEES
}
