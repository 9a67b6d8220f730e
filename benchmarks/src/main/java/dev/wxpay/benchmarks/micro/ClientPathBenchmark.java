package dev.wxpay.benchmarks.micro;

import dev.wxpay.endpoints.payments.PaymentsApi;
import dev.wxpay.endpoints.v3.pay.transactions.Jsapi;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequest;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNo;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole client path without a network: a {@code WechatPay} whose transport answers at once with a
 * pre-signed answer, so one op is prepare (URL, adapter to bytes, nonce) + sign + "send" + verify + decode.
 * {@code provider=accp} hands Amazon Corretto Crypto Provider to {@code WechatPay.Builder.rsaProvider}, which
 * signs and verifies with it without installing it for the JVM. Run with {@code -prof gc} for bytes/op.
 * {@code listener=none} is the default client; {@code noop} registers a {@code CallListener} that does
 * nothing, {@code count} one that reads every end event, to show what observing costs (and that not observing
 * costs nothing: compare {@code none} with a build before call listeners existed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClientPathBenchmark {
  private static final String PREPAY_ID = "wx201410272009395522657a690389285100";

  @Param({"jdk", "accp"})
  public String provider;

  @Param({"none", "noop", "count"})
  public String listener;

  private final java.util.concurrent.atomic.LongAdder ended = new java.util.concurrent.atomic.LongAdder();

  private WechatPay wxpay;
  private Jsapi jsapi;
  private OutTradeNoByOutTradeNo query;
  private JsapiRequest order;

  @Setup
  public void setUp() throws Exception {
    KeyPair merchant = Fixtures.rsa2048();
    KeyPair platform = Fixtures.rsa2048();
    // The answers are signed once, now: the verifier accepts them for ±300 s, longer than a trial.
    long timestamp = Instant.now().getEpochSecond();
    FakeTransport transport = new FakeTransport(merchant,
        signed(platform, timestamp, "{\"prepay_id\":\"" + PREPAY_ID + "\"}"),
        signed(platform, timestamp, Fixtures.TRANSACTION));
    WechatPay.Builder builder = WechatPay.builder()
        .merchant(Fixtures.MCHID, Fixtures.MERCHANT_SERIAL, merchant.getPrivate())
        .wechatpayPublicKey(Fixtures.PUBLIC_KEY_ID, platform.getPublic())
        .transport(transport);
    if (provider.equals("accp")) {
      builder.rsaProvider(Fixtures.accp());
    }
    switch (listener) {
      case "none" -> { }
      case "noop" -> builder.callListener(end -> { });
      case "count" -> builder.callListener(end -> {
        if (end.outcome() == dev.wxpay.runtime.CallListener.Outcome.SUCCESS && end.requestId() != null) {
          ended.add(end.duration().toNanos() > 0 ? 1 : 0);
        }
      });
      default -> throw new IllegalArgumentException("listener " + listener);
    }
    wxpay = builder.build();
    jsapi = wxpay.create(Jsapi.class);
    query = wxpay.create(OutTradeNoByOutTradeNo.class);
    order = Fixtures.jsapiOrder();
    // Once with the fake checking the request's signature, then it only answers.
    if (!PREPAY_ID.equals(jsapiOrder().prepayId()) || queryOrder().amount() == null) {
      throw new IllegalStateException("unexpected answer");
    }
    if (!transport.checked) {
      throw new IllegalStateException("the fake transport never checked a request signature");
    }
    if (!Signature.getInstance("SHA256withRSA").getProvider().getName().equals("SunRsaSign")) {
      throw new IllegalStateException("another RSA provider is installed for the JVM; the jdk case needs the JDK's");
    }
  }

  @TearDown
  public void tearDown() {
    wxpay.close();
  }

  /** POST v3/pay/transactions/jsapi with a built order; a 60-byte answer. */
  @Benchmark
  public JsapiResponse jsapiOrder() {
    return jsapi.post(order);
  }

  /** GET v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…; the ~900-byte transaction answer. */
  @Benchmark
  public OutTradeNoByOutTradeNoResponse queryOrder() {
    return query.get("1217752501201407033233368018", Fixtures.MCHID);
  }

  /** The navigation API, as the README shows it: the same order through PaymentsApi. */
  @Benchmark
  public JsapiResponse jsapiOrderByPath() {
    return PaymentsApi.of(wxpay).v3().pay().transactions().jsapi().post(order);
  }

  private static Answer signed(KeyPair platform, long timestamp, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
    byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    message[message.length - 1] = '\n';
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Content-Type", "application/json");
    headers.put("Request-ID", "08F78BB5AF0610D302A2A4BE0F10");
    headers.put("Wechatpay-Timestamp", Long.toString(timestamp));
    headers.put("Wechatpay-Nonce", nonce);
    headers.put("Wechatpay-Serial", Fixtures.PUBLIC_KEY_ID);
    headers.put("Wechatpay-Signature", Fixtures.sign(platform.getPrivate(), message));
    headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
    return new Answer(headers, body);
  }

  /** A signed answer; the header map is read-only after set-up, so threads may share it. */
  private record Answer(Map<String, String> headers, byte[] body) {
    TransportResponse response() {
      return TransportResponse.of(200, headers::get, body);
    }
  }

  /** Answers at once; checks the first request's signature, as WeChat Pay would, then only answers. */
  private static final class FakeTransport implements HttpTransport {
    private final KeyPair merchant;
    private final Answer order;
    private final Answer transaction;
    volatile boolean checked;

    FakeTransport(KeyPair merchant, Answer order, Answer transaction) {
      this.merchant = merchant;
      this.order = order;
      this.transaction = transaction;
    }

    @Override
    public TransportResponse send(TransportRequest request) {
      if (!checked) {
        check(request);
        checked = true;
      }
      return (request.url().indexOf("/out-trade-no/") >= 0 ? transaction : order).response();
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      return CompletableFuture.completedFuture(send(request));
    }

    private void check(TransportRequest request) {
      String authorization = request.header("Authorization");
      String prefix = "WECHATPAY2-SHA256-RSA2048 ";
      if (authorization == null || !authorization.startsWith(prefix)) {
        throw new IllegalStateException("no WECHATPAY2-SHA256-RSA2048 Authorization header");
      }
      Map<String, String> fields = new TreeMap<>();
      for (String part : authorization.substring(prefix.length()).split(",")) {
        int eq = part.indexOf('=');
        fields.put(part.substring(0, eq), part.substring(eq + 2, part.length() - 1));
      }
      String url = request.url().substring(request.url().indexOf('/', "https://".length()));
      byte[] body = request.body() == null ? new byte[0] : request.body();
      String message = request.method() + "\n" + url + "\n" + fields.get("timestamp") + "\n"
          + fields.get("nonce_str") + "\n" + new String(body, StandardCharsets.UTF_8) + "\n";
      try {
        Signature verifier = Signature.getInstance("SHA256withRSA", Fixtures.jdkProvider());
        verifier.initVerify(merchant.getPublic());
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        if (!verifier.verify(Base64.getDecoder().decode(fields.get("signature")))) {
          throw new IllegalStateException("the request signature does not verify");
        }
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
