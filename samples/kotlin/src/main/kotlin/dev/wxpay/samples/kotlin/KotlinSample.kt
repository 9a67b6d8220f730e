package dev.wxpay.samples.kotlin

import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartStock
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartStockRequest
import dev.wxpay.runtime.WechatPay
import dev.wxpay.testkit.StubResponse
import dev.wxpay.testkit.WechatPaySandbox
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking

/** Starts the sandbox and calls a Kotlin-declared endpoint and a ready-made one, blocking and suspending. */
fun main() {
  WechatPaySandbox.start().use { sandbox ->
    sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/pause",
        StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35.120+08:00"}"""))
    sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/restart",
        StubResponse.json("""{"stock_id":"9856000","restart_time":"2015-05-20T13:29:35.120+08:00"}"""))
    val wxpay: WechatPay = sandbox.client()

    val pause = wxpay.create(PauseStock::class.java)
    println("kotlin, blocking: " + pause.postBlocking("9856000", PauseStockRequest("8956000")))
    runBlocking {
      println("kotlin, suspend: " + pause.post("9856000", PauseStockRequest("8956000", reason = "月末盘点")))

      val restart = wxpay.create(RestartStock::class.java)
      println("ready-made, blocking: " + restart.post("9856000", RestartStockRequest("8956000")))
      println("ready-made, suspend: " + restart.postAsync("9856000", RestartStockRequest("8956000")).await())
    }
    println("${sandbox.requests().size} signed requests, all accepted: ${sandbox.requests().all { it.signatureValid() }}")
  }
}
