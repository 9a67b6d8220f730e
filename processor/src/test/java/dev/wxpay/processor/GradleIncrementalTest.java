package dev.wxpay.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Gradle (and kapt under Gradle) builds incrementally only with what the processor declares: aggregating
 * under javac, where everything goes through the Filer, and not under kapt, where the Kotlin it writes does not.
 */
class GradleIncrementalTest {
  private static final String AGGREGATING = "org.gradle.annotation.processing.aggregating";

  @Test
  void theProcessorIsDeclaredDynamic() throws IOException {
    try (InputStream in = WxpayProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      assertEquals("dev.wxpay.processor.WxpayProcessor,dynamic",
          new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    }
  }

  @Test
  void aggregatingUnderJavacOnly() {
    assertTrue(supportedOptions(Map.of()).contains(AGGREGATING));
    assertTrue(supportedOptions(Map.of("wxpay.kotlin", "true")).contains(AGGREGATING));
    assertFalse(supportedOptions(Map.of("kapt.kotlin.generated", "/tmp/k")).contains(AGGREGATING));
  }

  private static java.util.Set<String> supportedOptions(Map<String, String> options) {
    ProcessingEnvironment env = (ProcessingEnvironment) Proxy.newProxyInstance(
        GradleIncrementalTest.class.getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getOptions" -> options;
          case "toString" -> "env";
          default -> throw new UnsupportedOperationException(method.getName());
        });
    WxpayProcessor processor = new WxpayProcessor();
    processor.init(env);
    return processor.getSupportedOptions();
  }
}
