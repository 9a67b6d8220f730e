package dev.wxpay.endpoints.v3.bill;

import dev.wxpay.runtime.DownloadHash;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Where a bill can be downloaded, from a signed answer, and the hash the download must match.
 *
 * @param hashType {@code SHA1} (or {@code SM3} in SM mode)
 * @param hashValue the hash of the bill, decompressed
 * @param downloadUrl the {@code v3/billdownload/file} URL with its token
 */
public record BillLocation(String hashType, String hashValue, String downloadUrl) {
  /** The hash to pass to {@code BillDownload.get}. */
  public DownloadHash hash() {
    return new DownloadHash(hashType, hashValue);
  }

  /**
   * The {@code token} of {@link #downloadUrl()}, to pass to {@code BillDownload.get}.
   *
   * @throws IllegalStateException if the URL has no token
   */
  public String downloadToken() {
    String token = queryParameter("token");
    if (token == null) {
      throw new IllegalStateException("the bill download URL has no token");
    }
    return token;
  }

  /** The {@code tartype} of {@link #downloadUrl()} ({@code gzip} for a compressed bill), or null. */
  public @Nullable String downloadTarType() {
    return queryParameter("tartype");
  }

  private @Nullable String queryParameter(String name) {
    String query = URI.create(downloadUrl).getRawQuery();
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
