package com.example.shop;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Path;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** An operation the ready-made artifacts do not have, declared here; the processor writes its client. */
@Endpoint("v3/marketing/favor/stocks/<stock_id>/pause")
public interface PauseStock {
  Response post(@Path("stock_id") String stockId, Consumer<PauseStockRequestBuilder> body);

  record Request(String stockCreatorMchid) {}

  record Response(String stockId, @Nullable OffsetDateTime pauseTime) {}
}
