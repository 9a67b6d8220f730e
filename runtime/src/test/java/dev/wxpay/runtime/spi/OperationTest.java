package dev.wxpay.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.wxpay.annotations.Host;
import org.junit.jupiter.api.Test;

class OperationTest {
  @Test
  void operationsGoToTheMainlandUnlessGivenAnotherHost() {
    Operation<String> mainland = Operation.of("POST", "hk/v3/transactions/app", JsonAdapters.STRING);
    assertEquals(Host.MAINLAND, mainland.host());
    assertEquals(Host.MAINLAND, Operation.withoutResponse("POST", "v3/x").host());
    assertEquals(Host.MAINLAND, Operation.download("GET", "v3/billdownload/file").host());

    Operation<String> hongKong = mainland.withHost(Host.HONG_KONG);
    assertEquals(Host.HONG_KONG, hongKong.host());
    assertEquals(Host.MAINLAND, mainland.host(), "operations are immutable");
    // Everything else is the same operation.
    assertEquals("POST", hongKong.method());
    assertSame(mainland.responseAdapter(), hongKong.responseAdapter());
    assertEquals(mainland.toString(), hongKong.toString());
    assertEquals("/hk/v3/transactions/app", hongKong.call().build().expandPath());
    assertSame(hongKong, hongKong.withHost(Host.HONG_KONG));
  }
}
