package dev.wxpay.endpoints.v3.bill;

/** Which orders a trade bill lists. */
public enum BillType {
  ALL,
  SUCCESS,
  REFUND,
  RECHARGE_REFUND,
  ALL_SPECIAL,
  SUC_SPECIAL,
  REF_SPECIAL
}
