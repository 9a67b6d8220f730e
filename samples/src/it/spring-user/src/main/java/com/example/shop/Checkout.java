package com.example.shop;

import dev.wxpay.endpoints.v3.pay.transactions.Jsapi;
import dev.wxpay.runtime.WechatPay;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
public class Checkout {
  private final Jsapi jsapi;
  private final WechatPay wxpay;

  public Checkout(Jsapi jsapi, WechatPay wxpay) {
    this.jsapi = jsapi;
    this.wxpay = wxpay;
  }

  /** Places the order; answers what the page passes to wx.requestPayment. */
  public Map<String, String> order(String outTradeNo, long fen, String openid) {
    String prepayId = jsapi.post(b -> b
        .appid("wxd678efh567hg6787")
        .mchid(wxpay.mchid())
        .description("Example Coffee - latte")
        .outTradeNo(outTradeNo)
        .notifyUrl("https://shop.example.com/wxpay/notifications")
        .amount(a -> a.total(fen).currency("CNY"))
        .payer(p -> p.openid(openid)))
        .prepayId();
    return wxpay.payments().jsapi("wxd678efh567hg6787", prepayId).toMap();
  }
}
