package dev.wxpay.samples.kotlin

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.file.Files
import org.jetbrains.kotlin.cli.common.ExitCode
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Snippets a Kotlin user might write, compiled here with the Kotlin compiler against the real jars: the
 * DSL marker and JSpecify's nullness must turn these mistakes into compile errors.
 */
class CompileChecksTest {
  private fun compile(source: String): Pair<ExitCode, String> {
    val folder = Files.createTempDirectory("snippet")
    val file = folder.resolve("Snippet.kt")
    Files.writeString(file, source)
    val messages = ByteArrayOutputStream()
    val code = K2JVMCompiler().exec(PrintStream(messages, true, "UTF-8"),
        "-no-stdlib", "-no-reflect", "-jvm-target", "17",
        "-classpath", System.getProperty("java.class.path"),
        "-d", folder.resolve("classes").toString(), file.toString())
    return code to messages.toString("UTF-8")
  }

  private val imports = """
      import dev.wxpay.endpoints.v3.marketing.favor.CouponStocksRequest
      import dev.wxpay.endpoints.v3.marketing.favor.stocks.Restart
      import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartRequest
      """.trimIndent()

  @Test
  fun `the DSL compiles when used as intended`() {
    val (code, messages) = compile("""
        $imports
        fun ok() = CouponStocksRequest {
          stockName = "周末满减"
          stockUseRule { maxCoupons = 100 }
        }
        """.trimIndent())
    assertEquals(ExitCode.OK, code, messages)
  }

  @Test
  fun `an outer property cannot be set from an inner block`() {
    val (code, messages) = compile("""
        $imports
        fun leak() = CouponStocksRequest {
          stockUseRule {
            maxCoupons = 100
            stockName = "set on the wrong builder"
          }
        }
        """.trimIndent())
    assertEquals(ExitCode.COMPILATION_ERROR, code)
    assertTrue(messages.contains("cannot be called in this context with an implicit receiver"), messages)
  }

  @Test
  fun `null where a value is required does not compile`() {
    val (code, messages) = compile("""
        $imports
        fun nulls(restart: Restart) {
          restart.postAsync(null, RestartRequest("8956000"))
        }
        """.trimIndent())
    assertEquals(ExitCode.COMPILATION_ERROR, code)
    assertTrue(messages.contains("null cannot be a value of a non-null type 'String'", ignoreCase = true), messages)
  }

  @Test
  fun `properties are write-only`() {
    val (code, messages) = compile("""
        $imports
        fun read() = CouponStocksRequest {
          stockName = "x"
          println(stockName)
        }
        """.trimIndent())
    assertEquals(ExitCode.COMPILATION_ERROR, code)
    assertTrue(messages.contains("write-only"), messages)
  }
}
