package dev.wxpay.annotations.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderRulesTest {
  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "authorization", "Wechatpay-Serial", "HOST", "Content-Length",
      "Connection", "Expect", "Upgrade", "Transfer-Encoding"})
  void namesTheRuntimeOrHttpClientSetAreReserved(String name) {
    assertEquals("is set by the runtime or the HTTP client and cannot be declared", HeaderRules.nameProblem(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bad Name", "X:Y", "X\r\nY", "中文", "a(b)", "a\"b"})
  void nonTokensAreRefused(String name) {
    assertEquals("is not a valid header name", HeaderRules.nameProblem(name));
  }

  @Test
  void ordinaryNamesPass() {
    for (String name : List.of("Idempotency-Key", "Wechatpay-Nonce", "X_Custom.1", "a!#$%&'*+-.^_`|~z")) {
      assertNull(HeaderRules.nameProblem(name), name);
    }
  }

  @Test
  void lineBreaksAreFound() {
    assertTrue(HeaderRules.hasLineBreak("a\rb"));
    assertTrue(HeaderRules.hasLineBreak("a\nb"));
    assertFalse(HeaderRules.hasLineBreak("a\tb c"));
  }

  @Test
  void generatedNamesJoinNestedSimpleNames() {
    assertEquals("p.q.OuterInnerClient", GeneratedNames.qualifiedName("p.q", List.of("Outer", "Inner"), "Client"));
    assertEquals("StockBuilder", GeneratedNames.qualifiedName("", List.of("Stock"), "Builder"));
  }
}
