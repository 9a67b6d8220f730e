package dev.wxpay.endpoints.v3.billdownload;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Query;
import dev.wxpay.annotations.UnsignedResponse;
import dev.wxpay.runtime.Download;
import dev.wxpay.runtime.DownloadHash;
import dev.wxpay.endpoints.v3.bill.BillLocation;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Downloads a bill. WeChat Pay does not sign the file, so it is checked against the hash from the signed
 * bill request instead:
 *
 * <pre>{@code
 * BillLocation bill = wxpay.create(TradeBill.class).get(new TradeBillQuery("2026-11-21", null, null, null));
 * wxpay.create(BillDownload.class).get(bill).saveTo(Path.of("bill.csv"));
 * }</pre>
 */
@Endpoint("v3/billdownload/file")
public interface BillDownload {
  /** Downloads the bill {@code bill} points to, with the token and compression of its download URL. */
  default Download get(BillLocation bill) {
    return get(bill.downloadToken(), bill.downloadTarType(), bill.hash());
  }

  @UnsignedResponse
  Download get(@Query("token") String token, @Query("tartype") @Nullable String tarType, DownloadHash hash);

  @UnsignedResponse
  CompletableFuture<Download> getAsync(
      @Query("token") String token, @Query("tartype") @Nullable String tarType, DownloadHash hash);
}
