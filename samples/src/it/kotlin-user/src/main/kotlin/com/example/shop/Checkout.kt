package com.example.shop

import dev.wxpay.endpoints.v3.pay.transactions.Jsapi
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequest
import dev.wxpay.endpoints.v3.pay.transactions.postAwait
import dev.wxpay.runtime.WechatPay

/** What a shop's code does with wxpay: order with the DSL, then hand the payment page its parameters. */
class Checkout(private val wxpay: WechatPay, private val appId: String) {
  suspend fun order(tradeNo: String, fen: Long, buyer: String): Map<String, String> {
    val order = wxpay.create(Jsapi::class.java).postAwait(JsapiRequest {
      appid = appId
      mchid = wxpay.mchid()
      description = "Example Coffee - latte"
      outTradeNo = tradeNo
      notifyUrl = "https://shop.example.com/wxpay/notify"
      amount { total = fen; currency = "CNY" }
      payer { openid = buyer }
    })
    val prepayId = checkNotNull(order.prepayId()) { "WeChat Pay answered without prepay_id" }
    return wxpay.payments().jsapi(appId, prepayId).toMap()
  }

  suspend fun pause(stockId: String): PauseStockResponse =
      wxpay.create(PauseStock::class.java).pauseFor(stockId, wxpay.mchid())
}
