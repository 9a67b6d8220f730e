package dev.wxpay.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallTest {
  @Test
  void aBuiltCallDoesNotChangeWhenItsBuilderIsUsedAgain() {
    Call.Builder<String> builder = Operation.of("GET", "v3/things/{id}", JsonAdapters.STRING).call()
        .path("id", "1").query("a", "x").header("X-A", "1");
    Call<String> first = builder.build();
    builder.path("id", "2").query("b", "y").header("X-B", "2").build();
    assertEquals("/v3/things/1", first.expandPath());
    assertEquals(List.of("a", "x"), first.query());
    assertEquals(List.of("X-A", "1"), first.headers());
  }
}
