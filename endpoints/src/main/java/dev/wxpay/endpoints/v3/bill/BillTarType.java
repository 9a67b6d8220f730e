package dev.wxpay.endpoints.v3.bill;

/** How a bill file is compressed. */
public enum BillTarType {
  GZIP
}
