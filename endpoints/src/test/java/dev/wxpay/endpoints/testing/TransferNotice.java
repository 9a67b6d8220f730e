package dev.wxpay.endpoints.testing;

import dev.wxpay.annotations.Encrypted;
import dev.wxpay.annotations.Model;

/** A notification resource with a sensitive field, as a transfer's notification carries the payee's name. */
@Model
public record TransferNotice(String outBillNo, @Encrypted String userName) {
  @Override
  public String toString() {
    return "TransferNotice[" + outBillNo + "]";
  }
}
