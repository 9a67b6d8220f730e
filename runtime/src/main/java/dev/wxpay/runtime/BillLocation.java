package dev.wxpay.runtime;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Where a bill can be downloaded, as a signed bill answer gives it ({@code hash_type}, {@code hash_value},
 * {@code download_url}), and the hash the unsigned download must match. The generated bill answers
 * implement it, and the bill download endpoint takes it:
 *
 * <pre>{@code
 * TradebillResponse bill = wxpay.create(Tradebill.class).get(new TradebillQuery("2026-11-21", null, null, null));
 * wxpay.create(File.class).get(bill).saveTo(Path.of("bill.csv"));
 * }</pre>
 */
public interface BillLocation {
  /** {@code SHA1} (or {@code SM3} in SM mode). */
  @Nullable String hashType();

  /** The hash of the bill, decompressed. */
  @Nullable String hashValue();

  /** The {@code v3/billdownload/file} URL with its token. */
  @Nullable String downloadUrl();

  /**
   * The hash the download must match.
   *
   * @throws IllegalStateException if the answer had no hash
   */
  default DownloadHash hash() {
    String type = hashType();
    String value = hashValue();
    if (type == null || value == null) {
      throw new IllegalStateException("the bill answer has no hash_type or hash_value");
    }
    return new DownloadHash(type, value);
  }

  /**
   * The {@code token} of {@link #downloadUrl()}.
   *
   * @throws IllegalStateException if there is no URL or it has no token
   */
  default String downloadToken() {
    String token = queryParameter(this, "token");
    if (token == null) {
      throw new IllegalStateException("the bill download URL has no token");
    }
    return token;
  }

  /** The {@code tartype} of {@link #downloadUrl()} ({@code gzip} for a compressed bill), or null. */
  default @Nullable String downloadTarType() {
    return queryParameter(this, "tartype");
  }

  private static @Nullable String queryParameter(BillLocation bill, String name) {
    String url = bill.downloadUrl();
    String query = url == null ? null : URI.create(url).getRawQuery();
    if (query == null) {
      return null;
    }
    for (String parameter : query.split("&")) {
      if (parameter.startsWith(name + "=")) {
        // Percent-decoding only: a '+' in a token is a plus, not a space.
        return URLDecoder.decode(parameter.substring(name.length() + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
