package dev.wxpay.benchmarks;

import dev.wxpay.endpoints.payments.PaymentsApi;
import dev.wxpay.endpoints.v3.pay.transactions.Jsapi;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequestBuilder;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One first call, run by {@link FirstCallBenchmark} inside a fresh class loader that holds this class, wxpay
 * and the endpoint artifacts, and nothing from the harness's own loader: every wxpay class it touches loads
 * and initialises here for the first time. Public, with JDK types only, because the harness reaches it by
 * reflection across the loaders.
 */
public final class FirstCall {
  private FirstCall() {}

  private static final String PATH = "/v3/pay/transactions/jsapi";
  private static final String PREPAY_ID = "wx201410272009395522657a690389285100";

  /**
   * Starts a sandbox, builds a client for it, then times the first JSAPI order: {@code create} plus one
   * {@code post}, directly or through {@code PaymentsApi}. The sandbox start (its key generation), a first
   * request that warms the sandbox's own request handling, and the client build are all outside the timed
   * region; the sandbox's side of the call (checking the request's signature, signing its answer) is in it.
   *
   * @return nanoseconds: {@code [create + post, create alone, CPU time of all threads during create + post]};
   *     create alone is -1 through the navigation class, which creates inside {@code jsapi()}; CPU is -1
   *     without Linux's {@code /proc}
   */
  public static long[] run(boolean navigation) {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start()) {
      sandbox.stub("POST", PATH, StubResponse.json("{\"prepay_id\":\"" + PREPAY_ID + "\"}"));
      warmSandbox(sandbox);
      try (WechatPay wxpay = sandbox.client()) {
        JsapiResponse order;
        long created = -1;
        settle();
        Map<String, Long> cpuStart = threadCpu();
        long start = System.nanoTime();
        if (navigation) {
          order = PaymentsApi.of(wxpay).v3().pay().transactions().jsapi().post(FirstCall::jsapiOrder);
        } else {
          Jsapi jsapi = wxpay.create(Jsapi.class);
          created = System.nanoTime() - start;
          order = jsapi.post(FirstCall::jsapiOrder);
        }
        long total = System.nanoTime() - start;
        long cpu = cpuSince(cpuStart);
        if (!PREPAY_ID.equals(order.prepayId())) {
          throw new IllegalStateException("unexpected answer " + order);
        }
        if (sandbox.requests().size() != 2 || sandbox.lastRequest().rejection() != null) {
          throw new IllegalStateException("the sandbox did not accept the order: " + sandbox.lastRequest());
        }
        return new long[] {total, created, cpu};
      }
    }
  }

  /**
   * Lets the JIT compiler threads finish the work the setup (key generation, sandbox start) queued, so
   * that on a small machine they do not compete with the timed call.
   */
  private static void settle() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The CPU time of each thread of this JVM (JIT compiler and GC threads included) in nanoseconds, by
   * thread id, from Linux's {@code /proc/self/task/<tid>/schedstat}; empty elsewhere. The JDK's process CPU
   * time only counts in 10 ms ticks here, too coarse for a call of a few milliseconds.
   */
  private static Map<String, Long> threadCpu() {
    Map<String, Long> cpu = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return cpu;
    }
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        try {
          String stat = Files.readString(thread.resolve("schedstat"));
          cpu.put(thread.getFileName().toString(), Long.parseLong(stat.substring(0, stat.indexOf(' '))));
        } catch (IOException | RuntimeException e) {
          // The thread ended meanwhile.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cpu;
  }

  /**
   * The CPU time all threads spent since {@code start}: a thread that ended meanwhile is left out, one
   * that started counts whole. -1 where {@code /proc} is not there.
   */
  private static long cpuSince(Map<String, Long> start) {
    Map<String, Long> now = threadCpu();
    if (now.isEmpty()) {
      return -1;
    }
    long sum = 0;
    for (Map.Entry<String, Long> thread : now.entrySet()) {
      sum += thread.getValue() - start.getOrDefault(thread.getKey(), 0L);
    }
    return sum;
  }

  /** The order of the README's payment example. */
  private static void jsapiOrder(JsapiRequestBuilder b) {
    b.appid("wxd678efh567hg6787")
        .mchid("1900000001")
        .description("Example Coffee - latte")
        .outTradeNo("1217752501201407033233368018")
        .notifyUrl("https://shop.example.com/wxpay/notify")
        .amount(a -> a.total(1_800).currency("CNY"))
        .payer(p -> p.openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
  }

  /**
   * One unsigned request with the JDK's own HTTP client, which the sandbox refuses (401 SIGN_ERROR) after
   * loading its server, handler and answer signing: the timed call then pays for the client, not for the
   * sandbox's first request. No wxpay runtime class is involved.
   */
  private static void warmSandbox(WechatPaySandbox sandbox) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) sandbox.baseUri().resolve(PATH.substring(1)).toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write("{}".getBytes(StandardCharsets.UTF_8));
      }
      int status = connection.getResponseCode();
      try (InputStream in = connection.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      connection.disconnect();
      if (status != 401) {
        throw new IllegalStateException("the sandbox answered an unsigned request with " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
