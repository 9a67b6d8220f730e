package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/** The state of a product coupon stock. */
public enum StockState {
  /** Under review. */
  AUDITING,
  /** Sending coupons. */
  SENDING,
  /** Sending paused. */
  PAUSED,
  /** Sending stopped. */
  STOPPED,
  /** Deactivated. */
  DEACTIVATED
}
