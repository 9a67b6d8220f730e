package dev.wxpay.samples.spring

import dev.wxpay.endpoints.v3.refund.domestic.RefundsByOutRefundNoResponse
import dev.wxpay.endpoints.v3.refund.domestic.RefundsByOutRefundNoResponseJsonAdapter
import dev.wxpay.spring.boot.WxpayNotification
import dev.wxpay.spring.boot.WxpayNotificationHandler
import dev.wxpay.testkit.WechatPaySandbox
import dev.wxpay.testkit.spring.AutoConfigureWxpaySandbox
import java.net.URI
import java.util.concurrent.CopyOnWriteArrayList
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest
import org.springframework.boot.test.context.TestConfiguration
import org.springframework.boot.test.web.server.LocalServerPort
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Import

/**
 * A notification handler written in Kotlin, as a Kotlin shop declares one: a lambda for the handler, and the
 * types as JSpecify gives them to Kotlin: the resource's optional fields are `String?`, so calling one without
 * `?.` does not compile (tried: "Only safe (?.) or non-null asserted (!!.) calls are allowed").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWxpaySandbox
@Import(KotlinRefundHandlerTest.Refunds::class)
class KotlinRefundHandlerTest {

  @TestConfiguration(proxyBeanMethods = false)
  class Refunds {
    val received = CopyOnWriteArrayList<WxpayNotification<RefundsByOutRefundNoResponse>>()

    @Bean
    fun refundSucceeded(): WxpayNotificationHandler<RefundsByOutRefundNoResponse> =
        WxpayNotificationHandler.of("REFUND.SUCCESS", RefundsByOutRefundNoResponseJsonAdapter.INSTANCE) {
          received += it
        }
  }

  @Autowired lateinit var sandbox: WechatPaySandbox
  @Autowired lateinit var refunds: Refunds
  @LocalServerPort var port: Int = 0

  @Test
  fun aRefundNotificationReachesTheKotlinHandler() {
    val notification = sandbox.notification("REFUND.SUCCESS", "退款成功",
        """{"mchid":"${sandbox.mchid()}","out_trade_no":"SHOP1","out_refund_no":"SHOP1-R1","refund_status":"SUCCESS"}""",
        "refund")
    assertEquals(204, sandbox.postNotification(URI("http://127.0.0.1:$port/wxpay/notifications"), notification))

    val received = refunds.received.single()
    val refund: RefundsByOutRefundNoResponse = received.resource()
    val outRefundNo: String? = refund.outRefundNo()
    assertEquals("SHOP1-R1", outRefundNo)
    assertEquals(8, refund.outRefundNo()?.length)
    assertEquals("REFUND.SUCCESS", received.eventType())
    assertEquals("default", received.merchant())
  }
}
