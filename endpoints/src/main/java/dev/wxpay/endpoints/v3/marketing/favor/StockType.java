package dev.wxpay.endpoints.v3.marketing.favor;

import com.squareup.moshi.Json;

/** The kind of coupons in a favor stock. */
public enum StockType {
  /** A fixed amount off an order above a threshold. */
  NORMAL,
  /** A percentage off an order. */
  DISCOUNT,
  /** An item at a fixed price. The favor API spells the value "EXCHAHGE" on the wire. */
  @Json(name = "EXCHAHGE")
  EXCHANGE,
  /** An amount chosen per user. */
  RANDOM,
  /** An amount off combined with a discount. */
  DISCOUNT_CUT
}
