package dev.wxpay.testkit;

import static dev.wxpay.testkit.WireAssertions.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MoreFaultsTest {
  // Package-private: the HTTPS subclass starts its own.
  static WechatPaySandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = TestKeys.sandbox().start();
  }

  @AfterAll
  static void closeSandbox() {
    sandbox.close();
  }

  @Test
  void dropConnectionMakesTheClientSeeAnIoError() throws Exception {
    sandbox.stub("POST", "/v3/drop", StubResponse.json("{}").dropConnection());
    assertThrows(IOException.class, () -> MerchantRequest.to(sandbox).post("/v3/drop", "{}").send());
    assertEquals("/v3/drop", sandbox.lastRequest().rawPath());
    assertTrue(sandbox.lastRequest().signatureValid());
    // The sandbox keeps serving afterwards.
    sandbox.stub("GET", "/v3/ok", StubResponse.json("{}"));
    assertEquals(200, MerchantRequest.to(sandbox).get("/v3/ok").send().statusCode());
    assertTrue(StubResponse.json("{}").dropConnection().toString().contains("dropConnection"));
  }

  @Test
  void unsignedSendsNoWechatpayHeaders() throws Exception {
    sandbox.stub("GET", "/v3/unsigned", StubResponse.json("{\"a\":1}").unsigned());
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get("/v3/unsigned").send();
    assertEquals(200, response.statusCode());
    assertEquals("{\"a\":1}", bodyOf(response));
    assertTrue(response.headers().firstValue("Request-ID").isPresent());
    assertTrue(response.headers().map().keySet().stream().noneMatch(name -> name.toLowerCase().startsWith("wechatpay-")),
        response.headers().toString());
  }

  @Test
  void signatureTypeCanBeDroppedInSm2Mode() throws Exception {
    try (WechatPaySandbox sm2 = TestKeys.sm2Sandbox().start()) {
      sm2.stub("GET", "/v3/x", StubResponse.json("{}").withoutHeader("wechatpay-signature-type"));
      HttpResponse<byte[]> response =
          MerchantRequest.to(sm2).get("/v3/x").sm2(TestKeys.MERCHANT_SM2.getPrivate()).send();
      assertFalse(response.headers().firstValue("Wechatpay-Signature-Type").isPresent());
      assertTrue(WireAssertions.responseVerifies(TestKeys.WECHATPAY_SM2.getPublic(), response));
    }
  }

  @Test
  void aeadMatchesTheVectorsOfIssue3() {
    byte[] key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb".getBytes(StandardCharsets.UTF_8);
    assertEquals("ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=", new SandboxCrypto(SandboxAlgorithm.RSA)
        .encrypt(key, "uluk4a9R25RW", "associatedData", "message".getBytes(StandardCharsets.UTF_8)));
    assertEquals("+lcLNfkZQQx+iQm20Apa3x9Mb/5L7PgZ7w==", new SandboxCrypto(SandboxAlgorithm.SM2)
        .encrypt(key, "uluk4a9R25RW", "associatedData", "plaintext".getBytes(StandardCharsets.UTF_8)));
  }
}
