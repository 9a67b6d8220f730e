package dev.wxpay.endpoints.v3.marketing.favor;

/** Where the card wallet sends the user from a coupon. */
public enum JumpTarget {
  /** The payment code. */
  PAYMENT_CODE,
  /** A mini program. */
  MINI_PROGRAM,
  /** The default page. */
  DEFAULT_PAGE
}
