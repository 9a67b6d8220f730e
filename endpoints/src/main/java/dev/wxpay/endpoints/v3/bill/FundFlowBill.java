package dev.wxpay.endpoints.v3.bill;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Query;
import java.util.concurrent.CompletableFuture;

/** Asks for a day's fund-flow bill; download it with {@code BillDownload}. */
@Endpoint("v3/bill/fundflowbill")
public interface FundFlowBill {
  BillLocation get(@Query FundFlowBillQuery query);

  CompletableFuture<BillLocation> getAsync(@Query FundFlowBillQuery query);
}
