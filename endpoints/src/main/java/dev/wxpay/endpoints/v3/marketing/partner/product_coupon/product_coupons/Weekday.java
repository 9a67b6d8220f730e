package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/** A day of the week. */
public enum Weekday {
  /** Monday. */
  MONDAY,
  /** Tuesday. */
  TUESDAY,
  /** Wednesday. */
  WEDNESDAY,
  /** Thursday. */
  THURSDAY,
  /** Friday. */
  FRIDAY,
  /** Saturday. */
  SATURDAY,
  /** Sunday. */
  SUNDAY
}
