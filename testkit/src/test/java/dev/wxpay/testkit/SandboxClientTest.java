package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.annotations.Host;
import dev.wxpay.runtime.TestEndpoint;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.spi.Caller;
import dev.wxpay.runtime.spi.Operation;
import org.junit.jupiter.api.Test;

/** The client the sandbox sets up, as the tests of endpoint declarations use it. */
class SandboxClientTest {
  @Test
  void hongKongOperationsReachTheSandboxToo() {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start(); WechatPay wxpay = sandbox.client()) {
      assertEquals(sandbox.baseUri(), wxpay.baseUri());
      assertEquals(sandbox.baseUri(), wxpay.hongKongBaseUri());
      sandbox.stub("POST", "/hk/v3/transactions/out-trade-no/T1/close", StubResponse.json("{}"));

      Caller caller = wxpay.create(TestEndpoint.class).caller();
      caller.execute(Operation.withoutResponse("POST", "hk/v3/transactions/out-trade-no/{out_trade_no}/close")
          .withHost(Host.HONG_KONG).call()
          .path("out_trade_no", "T1")
          .build());

      RecordedRequest request = sandbox.lastRequest();
      assertEquals("/hk/v3/transactions/out-trade-no/T1/close", request.uri());
      assertTrue(request.signatureValid(), request.rejection());
    }
  }
}
