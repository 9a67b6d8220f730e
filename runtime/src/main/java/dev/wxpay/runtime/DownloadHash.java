package dev.wxpay.runtime;

import dev.wxpay.runtime.spi.ContentHash;
import java.util.Locale;
import java.util.Objects;

/**
 * The hash a signed bill request returned ({@code hash_type}, {@code hash_value}), which the unsigned
 * download must match: {@code SHA1}, or {@code SM3} in SM mode.
 */
public record DownloadHash(String type, String value) implements ContentHash {
  public DownloadHash {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    String upper = type.toUpperCase(Locale.ROOT);
    if (!upper.equals("SHA1") && !upper.equals("SM3")) {
      throw new IllegalArgumentException("unsupported hash_type " + type + "; expected SHA1 or SM3");
    }
    if (!value.matches("[0-9A-Fa-f]+")) {
      throw new IllegalArgumentException("hash_value is not hexadecimal");
    }
    type = upper;
  }
}
