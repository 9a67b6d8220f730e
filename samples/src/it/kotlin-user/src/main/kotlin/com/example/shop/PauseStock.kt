package com.example.shop

import dev.wxpay.annotations.Endpoint
import dev.wxpay.annotations.Path
import java.time.OffsetDateTime

/** An operation declared in Kotlin; kapt runs wxpay's processor, which writes its client. */
@Endpoint("v3/marketing/favor/stocks/{stock_id}/pause")
interface PauseStock {
  suspend fun post(@Path("stock_id") stockId: String, body: PauseStockRequest): PauseStockResponse

  /** A function with a body is the caller's own; the client leaves it as written. */
  suspend fun pauseFor(stockId: String, mchid: String): PauseStockResponse = post(stockId, PauseStockRequest(mchid))
}

data class PauseStockRequest(val stockCreatorMchid: String)

data class PauseStockResponse(val stockId: String, val pauseTime: OffsetDateTime?)
