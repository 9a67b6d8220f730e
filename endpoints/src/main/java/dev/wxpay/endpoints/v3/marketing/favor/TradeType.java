package dev.wxpay.endpoints.v3.marketing.favor;

/** The trade types a coupon can be limited to. */
public enum TradeType {
  /** Mini program payment. */
  MICROAPP,
  /** App payment. */
  APPPAY,
  /** Password-free payment. */
  PPAY,
  /** Payment code (card swipe) payment. */
  CARD,
  /** Face payment. */
  FACE,
  /** Other payments. */
  OTHER
}
