package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/** How the codes of a stock's coupons are assigned. */
public enum CouponCodeMode {
  /** WeChat Pay assigns the codes. */
  WECHATPAY,
  /** The brand uploads the codes in advance. */
  UPLOAD,
  /** The brand assigns a code with each send. */
  API_ASSIGN
}
