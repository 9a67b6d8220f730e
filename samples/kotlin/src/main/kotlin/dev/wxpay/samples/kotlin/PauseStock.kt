package dev.wxpay.samples.kotlin

import dev.wxpay.annotations.Endpoint
import dev.wxpay.annotations.Path
import dev.wxpay.annotations.Post
import dev.wxpay.runtime.JsonValue
import java.time.OffsetDateTime
import java.util.concurrent.CompletableFuture
import java.util.function.Consumer

/** Pauses a favor stock: an endpoint declared in Kotlin, implemented by wxpay's processor through kapt. */
@Endpoint("v3/marketing/favor/stocks/{stock_id}/pause")
interface PauseStock {
  /** Suspends until WeChat Pay answers, without blocking a thread. */
  suspend fun post(@Path("stock_id") stockId: String, body: PauseStockRequest): PauseStockResponse

  /** The body filled through the generated Java builder, which kapt sees only from its second round. */
  @Post
  fun postBuilt(@Path("stock_id") stockId: String, body: Consumer<PauseStockRequestBuilder>): PauseStockResponse

  /** The same call, blocking. */
  @Post
  fun postBlocking(@Path("stock_id") stockId: String, body: PauseStockRequest): PauseStockResponse

  /**
   * Parameters named like Kotlin keywords, so the generated `postAwait` extension must escape them;
   * checked by compiling it with this module.
   */
  fun postAsync(@Path("stock_id") `in`: String, suspend: KeywordNames): CompletableFuture<PauseStockResponse>
}

/** Properties named like Kotlin hard, soft and modifier keywords: the generated DSL compiles with them. */
data class KeywordNames(
    val `fun`: String? = null,
    val `when`: String? = null,
    val suspend: String? = null,
    val inline: String? = null,
    val value: String? = null,
    val field: String? = null,
    val data: String? = null,
    val get: String? = null,
)

/** JSON: {"stock_creator_mchid": ..., "reason": ...}; reason is optional because it is nullable. */
data class PauseStockRequest(
    val stockCreatorMchid: String,
    val reason: String? = null,
    val resume: ResumePlan? = null,
)

/**
 * A nested object: {"resume_time": ..., "notify": [...], "channels": [...], "object": ..., "extra": ...,
 * "labels": [...]}; extra and labels take any JSON, as fields whose schema the API leaves open do.
 */
data class ResumePlan(
    val resumeTime: OffsetDateTime,
    val notify: List<String>? = null,
    val channels: List<Channel>? = null,
    val `object`: String? = null,
    val extra: JsonValue? = null,
    val labels: List<JsonValue>? = null,
)

enum class Channel { SMS, MAIL }

data class PauseStockResponse(val stockId: String, val pauseTime: OffsetDateTime)
