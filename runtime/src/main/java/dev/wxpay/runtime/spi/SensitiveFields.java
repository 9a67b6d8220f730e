package dev.wxpay.runtime.spi;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts and decrypts {@code @Encrypted} fields. The runtime attaches the keys of one call to its JSON
 * writer and reader as a Moshi tag; generated adapters call {@link #encrypt} and {@link #decrypt}, so
 * adapters stay shared and stateless while keys stay per {@code WechatPay} instance.
 */
public interface SensitiveFields {
  /** Encrypts for WeChat Pay, Base64. */
  String encrypt(String plaintext);

  /** Decrypts what WeChat Pay encrypted for the merchant. */
  String decrypt(String ciphertext);

  /** Encrypts a value being written, with the keys attached to {@code writer}. */
  static @Nullable String encrypt(JsonWriter writer, @Nullable String plaintext) {
    return plaintext == null ? null : of(writer.tag(SensitiveFields.class), writer.getPath()).encrypt(plaintext);
  }

  /** Decrypts a value just read, with the keys attached to {@code reader}. */
  static @Nullable String decrypt(JsonReader reader, @Nullable String ciphertext) {
    return ciphertext == null ? null : of(reader.tag(SensitiveFields.class), reader.getPath()).decrypt(ciphertext);
  }

  private static SensitiveFields of(@Nullable SensitiveFields fields, String path) {
    if (fields == null) {
      // Refuse rather than send or return a sensitive value in the clear.
      throw new JsonDataException("the @Encrypted field at " + path + " needs keys: serialize it through"
          + " a WechatPay client, not a bare JSON adapter");
    }
    return fields;
  }
}
