package dev.wxpay.samples.kotlin

import dev.wxpay.endpoints.marketing.MarketingApi
import dev.wxpay.endpoints.v3.marketing.favor.CouponStocksRequest
import dev.wxpay.endpoints.v3.marketing.favor.FavorStockType
import dev.wxpay.endpoints.v3.marketing.favor.JumpTarget
import dev.wxpay.endpoints.v3.marketing.favor.stocks.Restart
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartRequest
import dev.wxpay.endpoints.v3.marketing.favor.stocks.postAwait
import dev.wxpay.runtime.WechatPay
import dev.wxpay.testkit.StubResponse
import dev.wxpay.testkit.WechatPaySandbox
import java.time.OffsetDateTime
import kotlinx.coroutines.runBlocking

/** Starts the sandbox and calls a Kotlin-declared endpoint and a ready-made one, blocking and suspending. */
fun main() {
  WechatPaySandbox.start().use { sandbox ->
    sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/pause",
        StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35.120+08:00"}"""))
    sandbox.stub("POST", "/v3/marketing/favor/coupon-stocks",
        StubResponse.json("""{"stock_id":"9856000","create_time":"2026-11-22T10:00:00+08:00"}"""))
    sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/restart",
        StubResponse.json("""{"stock_id":"9856000","restart_time":"2015-05-20T13:29:35.120+08:00"}"""))
    val wxpay: WechatPay = sandbox.client()

    val pause = wxpay.create(PauseStock::class.java)
    println("kotlin, blocking: " + pause.postBlocking("9856000", PauseStockRequest("8956000")))
    runBlocking {
      println("kotlin, suspend: " + pause.post("9856000", PauseStockRequest("8956000", reason = "月末盘点")))
      println("kotlin, suspend with a DSL body: " + pause.post("9856000", PauseStockRequest {
        stockCreatorMchid = "8956000"
        resume {
          resumeTime = OffsetDateTime.parse("2026-12-01T08:00:00+08:00")
          notify("ops@example.com")
        }
      }))

      val created = MarketingApi.of(wxpay).v3().marketing().favor().couponStocks().post(CouponStocksRequest {
        stockName = "周末满减"
        availableBeginTime = OffsetDateTime.parse("2026-12-01T00:00:00+08:00")
        availableEndTime = OffsetDateTime.parse("2026-12-31T23:59:59+08:00")
        stockUseRule {
          maxCoupons = 100
          maxAmount = 10_000
          maxCouponsPerUser = 1
          naturalPersonLimit = false
          preventApiAbuse = false
        }
        noCash = false
        stockType = FavorStockType.NORMAL
        belongMerchant = "1900000001"
        patternInfo { jumpTarget = JumpTarget.PAYMENT_CODE }
        couponUseRule {
          couponAvailableTime { secondDayAvailable = false }
          fixedNormalCoupon {
            couponAmount = 100
            transactionMinimum = 1_000
          }
          goodsTag("a", "b")
        }
        outRequestNo = "20261201-0001"
      })
      println("ready-made, DSL body: $created")

      val restart = wxpay.create(Restart::class.java)
      println("ready-made, blocking: " + restart.post("9856000", RestartRequest("8956000")))
      println("ready-made, suspend: " + restart.postAwait("9856000", RestartRequest("8956000")))
    }
    println("${sandbox.requests().size} signed requests, all accepted: ${sandbox.requests().all { it.signatureValid() }}")
  }
}
