package dev.wxpay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wxpay.endpoints.marketing.MarketingApi;
import dev.wxpay.runtime.CallListener;
import dev.wxpay.runtime.ServiceException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The call-listener recipes of the README ("Seeing what happens"), compiled and run against the sandbox.
 * {@link #micrometer} and {@link #openTelemetry} are the README's code; keep them in step.
 */
class ObservabilityRecipesTest {
  private static final String PATH = "/v3/marketing/favor/stocks/9856000/restart";

  // README: Micrometer recipe
  static CallListener micrometer(MeterRegistry registry) {
    return end -> Timer.builder("wxpay.calls")
        .tag("operation", end.operation())                 // e.g. Restart.post
        .tag("method", end.method())
        .tag("uri", end.route())                            // /v3/marketing/favor/stocks/{stock_id}/restart
        .tag("outcome", end.outcome().name())               // SUCCESS, SERVICE_ERROR, TRANSPORT_ERROR, ...
        .tag("status", Integer.toString(end.statusCode()))  // 0 when no answer came
        .tag("error", end.errorCode() == null ? "none" : end.errorCode())  // WeChat Pay's code, e.g. PARAM_ERROR
        .register(registry)
        .record(end.duration());
  }

  // README: OpenTelemetry recipe
  static CallListener openTelemetry(Tracer tracer) {
    return new CallListener() {
      @Override
      public CallListener callStarted(CallListener.Started start) {
        Span span = tracer.spanBuilder(start.method() + " " + start.route())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", start.method())
            .setAttribute("url.template", start.route())
            .setAttribute("wxpay.operation", start.operation())
            .startSpan();
        // The rest of this call's events go to this listener, which holds its span.
        return new CallListener() {
          @Override
          public void attemptEnded(CallListener.Attempt attempt) {
            span.addEvent("attempt " + attempt.number() + " to " + attempt.target());
          }

          @Override
          public void callEnded(CallListener.Ended end) {
            if (end.statusCode() != 0) {
              span.setAttribute("http.response.status_code", end.statusCode());
            }
            if (end.requestId() != null) {
              span.setAttribute("wechatpay.request_id", end.requestId());
            }
            if (end.outcome() != CallListener.Outcome.SUCCESS) {
              span.setStatus(StatusCode.ERROR, end.errorCode() != null ? end.errorCode() : end.outcome().name());
            }
            span.end();
          }
        };
      }

      @Override
      public void callEnded(CallListener.Ended end) {
        // Not reached: callStarted hands each call to its own listener.
      }
    };
  }

  private static void stub(WechatPaySandbox sandbox) {
    sandbox.stub("POST", PATH,
        StubResponse.json("{\"stock_id\":\"9856000\",\"restart_time\":\"2015-05-20T13:29:35.120+08:00\"}"));
    sandbox.stub("POST", "/v3/marketing/favor/stocks/1/restart", StubResponse.error(400, "PARAM_ERROR", "bad"));
  }

  @Test
  void micrometerTimesEachOperationByOutcome() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (WechatPaySandbox sandbox = WechatPaySandbox.start();
        WechatPay wxpay = sandbox.clientBuilder().callListener(micrometer(registry)).build()) {
      stub(sandbox);
      MarketingApi api = MarketingApi.of(wxpay);
      api.v3().marketing().favor().stocks("9856000").restart().post(b -> b.stockCreatorMchid("8956000"));
      api.v3().marketing().favor().stocks("9856000").restart().post(b -> b.stockCreatorMchid("8956000"));
      assertThrows(ServiceException.class,
          () -> api.v3().marketing().favor().stocks("1").restart().post(b -> b.stockCreatorMchid("8956000")));
    }
    Timer success = registry.get("wxpay.calls").tags("operation", "Restart.post", "method", "POST",
        "uri", "/v3/marketing/favor/stocks/{stock_id}/restart", "outcome", "SUCCESS", "status", "200",
        "error", "none").timer();
    assertEquals(2, success.count());
    Timer failed = registry.get("wxpay.calls").tags("outcome", "SERVICE_ERROR", "status", "400",
        "error", "PARAM_ERROR").timer();
    assertEquals(1, failed.count());
  }

  @Test
  void openTelemetryHasASpanPerCall() throws Exception {
    List<SpanData> spans = new CopyOnWriteArrayList<>();
    SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {}

      @Override
      public boolean isStartRequired() {
        return false;
      }

      @Override
      public void onEnd(ReadableSpan span) {
        spans.add(span.toSpanData());
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }
    }).build();
    int port;
    try (WechatPaySandbox sandbox = WechatPaySandbox.start();
        WechatPay wxpay = sandbox.clientBuilder().callListener(openTelemetry(provider.get("wxpay"))).build()) {
      port = sandbox.port();
      stub(sandbox);
      MarketingApi api = MarketingApi.of(wxpay);
      api.v3().marketing().favor().stocks("9856000").restart().post(b -> b.stockCreatorMchid("8956000"));
      assertThrows(Exception.class, () -> api.v3().marketing().favor().stocks("1").restart()
          .postAsync(dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartRequestBuilder.build(
              b -> b.stockCreatorMchid("8956000"))).join());
    }
    provider.close();
    assertEquals(2, spans.size(), spans.toString());
    SpanData ok = spans.get(0);
    assertEquals("POST /v3/marketing/favor/stocks/{stock_id}/restart", ok.getName());
    assertEquals(SpanKind.CLIENT, ok.getKind());
    assertEquals(200L, ok.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals("Restart.post", ok.getAttributes().get(AttributeKey.stringKey("wxpay.operation")));
    assertEquals(StatusCode.UNSET, ok.getStatus().getStatusCode());
    assertEquals(1, ok.getEvents().size(), ok.getEvents().toString());
    assertEquals("attempt 1 to 127.0.0.1:" + port, ok.getEvents().get(0).getName());
    SpanData failed = spans.get(1);
    assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
    assertEquals("PARAM_ERROR", failed.getStatus().getDescription());
    assertEquals(400L, failed.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
  }
}
