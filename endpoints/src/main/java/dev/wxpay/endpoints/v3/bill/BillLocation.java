package dev.wxpay.endpoints.v3.bill;

import dev.wxpay.runtime.DownloadHash;
import java.net.URI;

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
    String query = URI.create(downloadUrl).getRawQuery();
    if (query != null) {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("token=")) {
          return java.net.URLDecoder.decode(parameter.substring("token=".length()),
              java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalStateException("the bill download URL has no token");
  }
}
