package dev.wxpay.endpoints.v3.bill;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Query;
import java.util.concurrent.CompletableFuture;

/** Asks for a day's trade bill; download it with {@code BillDownload}. */
@Endpoint("v3/bill/tradebill")
public interface TradeBill {
  BillLocation get(@Query TradeBillQuery query);

  CompletableFuture<BillLocation> getAsync(@Query TradeBillQuery query);
}
