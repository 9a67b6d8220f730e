package com.example.shop;

import dev.wxpay.endpoints.payments.PaymentsApi;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.runtime.WechatPay;
import java.util.Map;

/** What a shop's code does with wxpay: order, then hand the payment page its signed parameters. */
public final class Checkout {
  private final WechatPay wxpay;
  private final String appid;

  public Checkout(WechatPay wxpay, String appid) {
    this.wxpay = wxpay;
    this.appid = appid;
  }

  public Map<String, String> order(String outTradeNo, long fen, String openid) {
    JsapiResponse order = PaymentsApi.of(wxpay).v3().pay().transactions().jsapi().post(b -> b
        .appid(appid)
        .mchid(wxpay.mchid())
        .description("Example Coffee - latte")
        .outTradeNo(outTradeNo)
        .notifyUrl("https://shop.example.com/wxpay/notify")
        .amount(a -> a.total(fen).currency("CNY"))
        .payer(p -> p.openid(openid)));
    return wxpay.payments().jsapi(appid, order.prepayId()).toMap();
  }

  public PauseStock.Response pause(String stockId) {
    return wxpay.create(PauseStock.class).post(stockId, b -> b.stockCreatorMchid(wxpay.mchid()));
  }
}
