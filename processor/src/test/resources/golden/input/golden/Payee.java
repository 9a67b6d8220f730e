package golden;

import dev.wxpay.annotations.Encrypted;
import org.jspecify.annotations.Nullable;

/** Sensitive fields are encrypted on the way out and decrypted on the way in. */
public record Payee(@Encrypted String name, @Encrypted @Nullable String idCardNumber, String openid) {
  @Override
  public String toString() {
    return "Payee[openid=" + openid + "]";
  }
}
