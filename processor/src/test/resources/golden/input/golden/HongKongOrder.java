package golden;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Host;
import dev.wxpay.annotations.Path;
import dev.wxpay.annotations.Query;
import java.util.concurrent.CompletableFuture;

@Endpoint(value = "hk/v3/transactions/out-trade-no/{out_trade_no}", host = Host.HONG_KONG)
public interface HongKongOrder {
  HongKongOrderResponse get(@Path("out_trade_no") String outTradeNo, @Query("mchid") String mchid);

  CompletableFuture<HongKongOrderResponse> getAsync(
      @Path("out_trade_no") String outTradeNo, @Query("mchid") String mchid);
}
