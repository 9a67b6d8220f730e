package dev.wxpay.benchmarks.soak;

import dev.wxpay.endpoints.v3.pay.transactions.Jsapi;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequest;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequestBuilder;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNo;
import dev.wxpay.runtime.WechatPay;
import java.util.concurrent.CompletableFuture;

/**
 * The calls a soak makes, one method per {@link Plan.Op}; the id travels in the order's {@code out_trade_no}
 * and in the query's {@code mchid} parameter. The smoke test swaps in broken variants.
 */
interface Calls {
  Object order(String id);

  CompletableFuture<?> orderAsync(String id);

  Object query(String id);

  CompletableFuture<?> queryAsync(String id);

  /** The real calls, through the generated clients of {@code wxpay-endpoints-payments}. */
  static Calls of(WechatPay wxpay, String mchid) {
    Jsapi jsapi = wxpay.create(Jsapi.class);
    OutTradeNoByOutTradeNo query = wxpay.create(OutTradeNoByOutTradeNo.class);
    return new Calls() {
      @Override
      public Object order(String id) {
        return jsapi.post(request(id));
      }

      @Override
      public CompletableFuture<?> orderAsync(String id) {
        return jsapi.postAsync(request(id));
      }

      @Override
      public Object query(String id) {
        return query.get(Reconciler.QUERY_OUT_TRADE_NO, id);
      }

      @Override
      public CompletableFuture<?> queryAsync(String id) {
        return query.getAsync(Reconciler.QUERY_OUT_TRADE_NO, id);
      }

      private JsapiRequest request(String id) {
        return JsapiRequestBuilder.build(b -> b
            .appid("wxd678efh567hg6787")
            .mchid(mchid)
            .description("soak")
            .outTradeNo(id)
            .notifyUrl("https://shop.example.com/wxpay/notify")
            .amount(a -> a.total(1).currency("CNY"))
            .payer(p -> p.openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")));
      }
    };
  }
}
