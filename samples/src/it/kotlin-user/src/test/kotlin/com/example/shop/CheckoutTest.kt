package com.example.shop

import dev.wxpay.testkit.StubResponse
import dev.wxpay.testkit.WechatPaySandbox
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class CheckoutTest {
  @Test
  fun ordersAndPausesAgainstTheSandbox(): Unit = runBlocking {
    WechatPaySandbox.start().use { sandbox ->
      sandbox.client().use { wxpay ->
        sandbox.stub("POST", "/v3/pay/transactions/jsapi",
            StubResponse.json("""{"prepay_id":"wx201410272009395522657a690389285100"}"""))
        sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/pause",
            StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35.120+08:00"}"""))
        val checkout = Checkout(wxpay, "wxd678efh567hg6787")

        val page = checkout.order("1217752501201407033233368018", 1_800, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
        val order = sandbox.lastRequest()
        val paused = checkout.pause("9856000")

        assertEquals("prepay_id=wx201410272009395522657a690389285100", page["package"])
        assertTrue(order.signatureValid(), order.rejection())
        assertEquals("9856000", paused.stockId)
        assertEquals("""{"stock_creator_mchid":"${wxpay.mchid()}"}""", sandbox.lastRequest().bodyAsString())
      }
    }
  }
}
