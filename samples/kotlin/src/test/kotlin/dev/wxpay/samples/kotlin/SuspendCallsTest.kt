package dev.wxpay.samples.kotlin

import dev.wxpay.runtime.JsonValue
import dev.wxpay.runtime.ServiceException
import dev.wxpay.testkit.StubResponse
import dev.wxpay.testkit.WechatPaySandbox
import java.time.Duration
import java.time.OffsetDateTime
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** A Kotlin-declared endpoint, built through kapt, called with suspend against the sandbox. */
class SuspendCallsTest {
  private val sandbox = WechatPaySandbox.start()
  private val pause = sandbox.client().create(PauseStock::class.java)
  private val path = "/v3/marketing/favor/stocks/9856000/pause"

  @AfterEach
  fun stop() = sandbox.close()

  @Test
  fun `suspend call returns the verified data class`() = runBlocking {
    sandbox.stub("POST", path,
        StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35.120+08:00"}"""))

    val response = pause.post("9856000", PauseStockRequest("8956000", reason = "盘点"))

    assertEquals(PauseStockResponse("9856000", OffsetDateTime.parse("2015-05-20T13:29:35.120+08:00")), response)
    assertEquals("""{"stock_creator_mchid":"8956000","reason":"盘点"}""", sandbox.lastRequest().bodyAsString())
    assertTrue(sandbox.lastRequest().signatureValid())
  }

  @Test
  fun `a nested body built with the DSL`() = runBlocking {
    sandbox.stub("POST", path,
        StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35.120+08:00"}"""))

    pause.post("9856000", PauseStockRequest {
      stockCreatorMchid = "8956000"
      resume {
        resumeTime = OffsetDateTime.parse("2026-12-01T08:00:00+08:00")
        notify("a", "b")
        channels(Channel.SMS, Channel.MAIL)
        `object` = "stock"
        extra = JsonValue.parse("""{"n": 12345678901234567890}""")
        labels(JsonValue.parse("0.10"), JsonValue.parse("[\"x\"]"))
      }
    })

    assertEquals("""{"stock_creator_mchid":"8956000","resume":{"resume_time":"2026-12-01T08:00:00+08:00","notify":["a","b"],"channels":["SMS","MAIL"],"object":"stock","extra":{"n":12345678901234567890},"labels":[0.10,["x"]]}}""",
        sandbox.lastRequest().bodyAsString())
  }

  @Test
  fun `names that are Kotlin keywords go through the DSL and the await extension`() = runBlocking {
    sandbox.stub("POST", path,
        StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35.120+08:00"}"""))

    val body = KeywordNames {
      `fun` = "f"
      `when` = "w"
      suspend = "s"
      inline = "i"
      value = "v"
      field = "d"
      data = "a"
      get = "g"
    }
    pause.postAwait("9856000", body)

    assertEquals("""{"fun":"f","when":"w","suspend":"s","inline":"i","value":"v","field":"d","data":"a","get":"g"}""",
        sandbox.lastRequest().bodyAsString())
  }

  @Test
  fun `a Kotlin-declared Consumer of the generated builder`() {
    sandbox.stub("POST", path,
        StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35.120+08:00"}"""))

    pause.postBuilt("9856000") { it.stockCreatorMchid("8956000").reason("盘点") }

    assertEquals("""{"stock_creator_mchid":"8956000","reason":"盘点"}""", sandbox.lastRequest().bodyAsString())
  }

  @Test
  fun `an error answer is thrown through the coroutine`() {
    sandbox.stub("POST", path, StubResponse.error(400, "PARAM_ERROR", "批次不存在"))
    val failure = assertThrows<ServiceException> {
      runBlocking { pause.post("9856000", PauseStockRequest("8956000")) }
    }
    assertEquals("PARAM_ERROR", failure.code())
  }

  @Test
  fun `cancelling the coroutine stops waiting for the call`() = runBlocking {
    sandbox.stub("POST", path, StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35+08:00"}""")
        .delay(Duration.ofSeconds(5)))
    val started = System.nanoTime()
    val call = async { pause.post("9856000", PauseStockRequest("8956000")) }
    delay(200)
    call.cancel()
    assertThrows<CancellationException> { runBlocking { call.await() } }
    assertTrue(Duration.ofNanos(System.nanoTime() - started) < Duration.ofSeconds(3), "did not wait for the answer")
  }

  @Test
  fun `a timeout cancels the call`() {
    sandbox.stub("POST", path, StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35+08:00"}""")
        .delay(Duration.ofSeconds(5)))
    assertThrows<CancellationException> {
      runBlocking { withTimeout(300) { pause.post("9856000", PauseStockRequest("8956000")) } }
    }
  }

  @Test
  fun `blocking call on the same interface`() {
    sandbox.stub("POST", path,
        StubResponse.json("""{"stock_id":"9856000","pause_time":"2015-05-20T13:29:35.120+08:00"}"""))
    assertEquals("9856000", pause.postBlocking("9856000", PauseStockRequest("8956000")).stockId)
    assertEquals("""{"stock_creator_mchid":"8956000"}""", sandbox.lastRequest().bodyAsString())
  }
}
