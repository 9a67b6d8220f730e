package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/** How a coupon opens an app. */
public enum AppJumpType {
  /** Through an H5 page. */
  H5,
  /** Through a passcode link. */
  PASSCODE_LINK,
  /** Through a usage guide. */
  USAGE_GUIDE
}
