package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/** The background color of a coupon. */
public enum BackgroundColor {
  /** Color 010. */
  Color010,
  /** Color 020. */
  Color020,
  /** Color 030. */
  Color030,
  /** Color 040. */
  Color040,
  /** Color 050. */
  Color050,
  /** Color 060. */
  Color060,
  /** Color 070. */
  Color070,
  /** Color 080. */
  Color080,
  /** Color 090. */
  Color090,
  /** Color 100. */
  Color100
}
