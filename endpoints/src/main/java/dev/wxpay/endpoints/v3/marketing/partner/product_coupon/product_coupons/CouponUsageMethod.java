package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/** Where a coupon can be used. */
public enum CouponUsageMethod {
  /** In stores. */
  OFFLINE,
  /** In a mini program. */
  MINI_PROGRAM,
  /** In an app. */
  APP,
  /** With the payment code. */
  PAYMENT_CODE
}
