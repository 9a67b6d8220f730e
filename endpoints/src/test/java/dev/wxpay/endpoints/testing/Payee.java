package dev.wxpay.endpoints.testing;

import dev.wxpay.annotations.Encrypted;
import org.jspecify.annotations.Nullable;

public record Payee(String openid, @Encrypted String name, @Encrypted @Nullable String idCardNumber) {
  @Override
  public String toString() {
    return "Payee[" + openid + "]";
  }
}
