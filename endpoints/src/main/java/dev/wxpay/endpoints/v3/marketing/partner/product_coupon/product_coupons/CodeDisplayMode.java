package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/** How a coupon code is shown to the user. */
public enum CodeDisplayMode {
  /** Not shown. */
  INVISIBLE,
  /** As a barcode. */
  BARCODE,
  /** As a QR code. */
  QRCODE
}
