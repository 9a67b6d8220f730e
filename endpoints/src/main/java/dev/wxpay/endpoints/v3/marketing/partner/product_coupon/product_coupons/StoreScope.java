package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/** Which stores accept a coupon. */
public enum StoreScope {
  /** No store scope. */
  NONE,
  /** All stores of the brand. */
  ALL,
  /** The stores associated with the stock. */
  SPECIFIC
}
