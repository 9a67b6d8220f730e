package golden;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

@Endpoint("v3/marketing/favor/stocks/<stock_id>/restart")
public interface RestartStock {
  RestartStockResponse post(@Path("stock_id") String stockId, RestartStockRequest body);

  RestartStockResponse post(@Path("stock_id") String stockId, Consumer<RestartStockRequestBuilder> body);

  CompletableFuture<RestartStockResponse> postAsync(@Path("stock_id") String stockId, RestartStockRequest body);
}
