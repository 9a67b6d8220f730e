package dev.wxpay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wxpay.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code host = Host.HONG_KONG} declaration, compiled and run: its requests reach the Hong Kong base and
 * no other. Two sandboxes with the same keys stand in for the two hosts, so each records what reached it.
 */
class HongKongHostTest {
  private static final String REFUND = "/hk/v3/refunds/out-refund-no/R1";
  private static final String MAINLAND_REFUND = "/v3/refund/domestic/refunds/R1";

  private static WechatPaySandbox mainland;
  private static WechatPaySandbox hongKong;
  private static URLClassLoader loader;

  @BeforeAll
  static void compileAndStart(@TempDir Path classes) throws Exception {
    Compilation compilation = Compilations.compile(
        source("hk.HongKongRefund",
            "package hk;",
            "import dev.wxpay.annotations.*;",
            "import java.util.concurrent.CompletableFuture;",
            "@Endpoint(value = \"hk/v3/refunds/out-refund-no/{out_refund_no}\", host = Host.HONG_KONG)",
            "public interface HongKongRefund {",
            "  Refund get(@Path(\"out_refund_no\") String outRefundNo, @Query(\"mchid\") String mchid);",
            "  CompletableFuture<Refund> getAsync(@Path(\"out_refund_no\") String outRefundNo,",
            "      @Query(\"mchid\") String mchid);",
            "}"),
        source("hk.MainlandRefund",
            "package hk;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/refund/domestic/refunds/{out_refund_no}\")",
            "public interface MainlandRefund {",
            "  Refund get(@Path(\"out_refund_no\") String outRefundNo);",
            "}"),
        source("hk.Refund",
            "package hk;",
            "public record Refund(String outRefundNo, String status) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.load(compilation, classes);

    KeyPair merchant = rsa();
    KeyPair wechatpay = rsa();
    mainland = sandbox(merchant, wechatpay);
    hongKong = sandbox(merchant, wechatpay);
  }

  private static WechatPaySandbox sandbox(KeyPair merchant, KeyPair wechatpay) {
    return WechatPaySandbox.builder()
        .merchantSerialNo("5157F09EFDC096DE15EBE81A47057A7232F1B8E1")
        .merchantKeyPair(merchant)
        .wechatpayPublicKeyId("PUB_KEY_ID_0119000000012025")
        .wechatpayKeyPair(wechatpay)
        .start();
  }

  private static KeyPair rsa() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {mainland, hongKong, loader}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @BeforeEach
  void reset() {
    for (WechatPaySandbox sandbox : new WechatPaySandbox[] {mainland, hongKong}) {
      sandbox.clear();
      sandbox.clearStubs();
      // Each host answers both paths with its own name, so the result says who answered.
      StubResponse answer = StubResponse.json(
          "{\"out_refund_no\":\"R1\",\"status\":\"" + (sandbox == hongKong ? "HONG_KONG" : "MAINLAND") + "\"}");
      sandbox.stub("GET", REFUND, answer);
      sandbox.stub("GET", MAINLAND_REFUND, answer);
    }
  }

  @Test
  void hongKongEndpointsReachTheHongKongBaseOnly() throws Exception {
    try (WechatPay wxpay = mainland.clientBuilder().hongKongBaseUri(hongKong.baseUri()).build()) {
      Class<?> api = loader.loadClass("hk.HongKongRefund");
      Object client = wxpay.create(api);

      Object refund = api.getMethod("get", String.class, String.class).invoke(client, "R1", "1900000001");
      Object async = ((CompletableFuture<?>) api.getMethod("getAsync", String.class, String.class)
          .invoke(client, "R1", "1900000001")).get(10, TimeUnit.SECONDS);

      assertEquals("HONG_KONG", status(refund));
      assertEquals("HONG_KONG", status(async));
      assertEquals(2, hongKong.requests().size());
      assertTrue(mainland.requests().isEmpty(), "nothing reached the mainland host");
      RecordedRequest wire = hongKong.lastRequest();
      assertEquals(REFUND + "?mchid=1900000001", wire.uri());
      // The signature covers the path and query; the host is not part of it.
      assertTrue(wire.signatureValid(), wire.rejection());
    }
  }

  @Test
  void mainlandEndpointsOfTheSameClientStayOnTheMainland() throws Exception {
    try (WechatPay wxpay = mainland.clientBuilder().hongKongBaseUri(hongKong.baseUri()).build()) {
      Class<?> api = loader.loadClass("hk.MainlandRefund");
      Object refund = api.getMethod("get", String.class).invoke(wxpay.create(api), "R1");

      assertEquals("MAINLAND", status(refund));
      assertEquals(MAINLAND_REFUND, mainland.lastRequest().uri());
      assertTrue(hongKong.requests().isEmpty(), "nothing reached the Hong Kong host");
    }
  }

  @Test
  void theSandboxClientServesHongKongEndpointsItself() throws Exception {
    try (WechatPay wxpay = mainland.client()) {
      Class<?> api = loader.loadClass("hk.HongKongRefund");
      Object refund = api.getMethod("get", String.class, String.class)
          .invoke(wxpay.create(api), "R1", "1900000001");

      assertEquals("MAINLAND", status(refund));
      assertEquals(1, mainland.requests().size());
      assertTrue(mainland.lastRequest().signatureValid(), mainland.lastRequest().rejection());
      assertTrue(hongKong.requests().isEmpty());
    }
  }

  private static Object status(Object refund) throws Exception {
    return refund.getClass().getMethod("status").invoke(refund);
  }
}
