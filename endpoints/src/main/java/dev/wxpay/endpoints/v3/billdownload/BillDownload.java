package dev.wxpay.endpoints.v3.billdownload;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Query;
import dev.wxpay.annotations.UnsignedResponse;
import dev.wxpay.runtime.Download;
import dev.wxpay.runtime.DownloadHash;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads a bill. WeChat Pay does not sign the file, so it is checked against the hash from the signed
 * bill request instead:
 *
 * <pre>{@code
 * BillLocation bill = wxpay.create(TradeBill.class).get(new TradeBillQuery("2026-11-21", null, null, null));
 * wxpay.create(BillDownload.class).get(bill.downloadToken(), bill.hash()).saveTo(Path.of("bill.csv"));
 * }</pre>
 */
@Endpoint("v3/billdownload/file")
public interface BillDownload {
  @UnsignedResponse
  Download get(@Query("token") String token, DownloadHash hash);

  @UnsignedResponse
  CompletableFuture<Download> getAsync(@Query("token") String token, DownloadHash hash);
}
