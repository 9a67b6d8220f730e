package dev.wxpay.runtime;

import dev.wxpay.runtime.internal.crypto.DecryptionException;
import dev.wxpay.runtime.internal.crypto.SensitiveCipher;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.jspecify.annotations.Nullable;

/**
 * The keys of one call for its {@code @Encrypted} fields: WeChat Pay's key to encrypt requests, the
 * merchant key to decrypt answers. Holds no cipher: {@link SensitiveCipher} makes one per value, so
 * nothing is shared between threads.
 */
final class FieldCipher implements SensitiveFields {
  private final @Nullable PublicKey wechatpayKey;
  private final PrivateKey merchantKey;

  FieldCipher(@Nullable PublicKey wechatpayKey, PrivateKey merchantKey) {
    this.wechatpayKey = wechatpayKey;
    this.merchantKey = merchantKey;
  }

  @Override
  public String encrypt(String plaintext) {
    if (wechatpayKey == null) {
      throw new WechatPayException("no WeChat Pay public key or valid platform certificate to encrypt"
          + " sensitive fields with");
    }
    return SensitiveCipher.encrypt(wechatpayKey, plaintext);
  }

  @Override
  public String decrypt(String ciphertext) {
    try {
      return SensitiveCipher.decrypt(merchantKey, ciphertext);
    } catch (DecryptionException e) {
      throw ValidationException.of(e);
    }
  }

  @Override
  public String toString() {
    return "FieldCipher";
  }
}
