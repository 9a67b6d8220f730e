package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.annotations.Host;
import dev.wxpay.runtime.TestEndpoint;
import dev.wxpay.runtime.ValidationException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.spi.Caller;
import dev.wxpay.runtime.spi.JsonAdapters;
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

  @Test
  void aCertificateSigningBeforeTheNextRefreshIsDownloadedOnDemandAtMostOnceAMinute() {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().verification(SandboxVerification.CERTIFICATE).start();
        WechatPay wxpay = sandbox.client()) {
      sandbox.stub("GET", "/v3/things", StubResponse.json("\"ok\""));
      Caller caller = wxpay.create(TestEndpoint.class).caller();
      var call = Operation.of("GET", "v3/things", JsonAdapters.STRING).call().build();
      assertEquals("ok", caller.execute(call));
      assertEquals(1, downloads(sandbox));

      // WeChat Pay signs with a certificate the client has not downloaded yet: it downloads, then verifies.
      sandbox.rotateCertificate();
      assertEquals("ok", caller.execute(call));
      assertEquals(2, downloads(sandbox));

      // Another unknown serial within the minute: no download, the answer fails as it is.
      sandbox.rotateCertificate();
      ValidationException e = assertThrows(ValidationException.class, () -> caller.execute(call));
      assertEquals(ValidationException.Reason.UNKNOWN_SERIAL, e.reason());
      assertEquals(2, downloads(sandbox));
    }
  }

  private static long downloads(WechatPaySandbox sandbox) {
    return sandbox.requests().stream().filter(r -> r.uri().startsWith("/v3/certificates")).count();
  }
}
