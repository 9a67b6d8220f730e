package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the sandbox writes and reads, byte for byte where clients see it. */
class SandboxJsonTest {
  @Test
  void writesCompactObjectsInTheOrderGiven() {
    String json = SandboxJson.write(SandboxJson.object(
        "z", "余额不足",
        "a", List.of(SandboxJson.object("q", "tab\there \"quoted\" back\\slash \u0001")),
        "m", List.of()));
    assertEquals("{\"z\":\"余额不足\",\"a\":[{\"q\":\"tab\\there \\\"quoted\\\" back\\\\slash \\u0001\"}],\"m\":[]}",
        json);
    assertThrows(IllegalArgumentException.class, () -> SandboxJson.object("lonely"));
  }

  @Test
  void parsesExactlyOneObject() {
    Map<?, ?> meta = SandboxJson.parseObject(" {\"filename\":\"a.jpg\",\"size\":3,\"tags\":[\"x\"]} ");
    assertEquals(List.of("filename", "size", "tags"), List.copyOf(meta.keySet()));
    assertEquals("a.jpg", meta.get("filename"));
    assertEquals(3.0, meta.get("size"));
    assertEquals(List.of("x"), meta.get("tags"));
    for (String notOneObject : List.of("", "[]", "\"a\"", "{", "{} {}", "{\"a\":1,}", "{'a':1}")) {
      assertThrows(IllegalArgumentException.class, () -> SandboxJson.parseObject(notOneObject), notOneObject);
    }
  }

  @Test
  void writesTimesToTheSecondInChinaStandardTime() {
    assertEquals("2023-11-15T06:13:20+08:00", SandboxJson.time(Instant.ofEpochSecond(1_700_000_000L, 999_000_000)));
  }

  @Test
  void notificationBodiesListTheirMembersInWechatPaysOrder() {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start()) {
      Map<String, Object> body = TestJson.object(sandbox.notification("REFUND.SUCCESS", "退款成功", "{}", "refund")
          .bodyAsString());
      assertEquals(List.of("id", "create_time", "resource_type", "event_type", "summary", "resource"),
          List.copyOf(body.keySet()));
      assertEquals(List.of("original_type", "algorithm", "ciphertext", "associated_data", "nonce"),
          List.copyOf(TestJson.object(body.get("resource")).keySet()));
    }
  }
}
