package golden;

import dev.wxpay.annotations.JsonNumber;

/** An enum whose JSON values are numbers. */
public enum Installments {
  @JsonNumber(3)
  THREE,
  @JsonNumber(6)
  SIX,
  @JsonNumber(12)
  TWELVE
}
