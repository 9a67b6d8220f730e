package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wxpay.runtime.CallListener;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several listeners as the builder's one, on real calls to the sandbox. */
class CompositeCallListenerTest {

  private static WechatPaySandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = WechatPaySandbox.start();
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000201", StubResponse.json("{}"));
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  /** Writes every event it hears, under its name. */
  private record Recording(String name, List<String> heard) implements CallListener {
    @Override
    public CallListener callStarted(Started event) {
      heard.add(name + " started");
      return this;
    }

    @Override
    public void attemptEnded(Attempt event) {
      heard.add(name + " attempt " + event.statusCode());
    }

    @Override
    public void callEnded(Ended event) {
      heard.add(name + " ended " + event.outcome());
    }
  }

  /** Like a tracer: a listener of its own for each call, which holds the call's span. */
  private record Tracing(List<String> heard) implements CallListener {
    @Override
    public CallListener callStarted(Started event) {
      heard.add("span opened");
      return new Recording("span", heard);
    }

    @Override
    public void callEnded(Ended event) {
      heard.add("the tracer itself must not hear the end");
    }
  }

  private static void call(CallListener listener) {
    try (WechatPay wxpay = sandbox.clientBuilder().callListener(listener).build()) {
      Sandboxes.query(wxpay, "4200000201");
    }
  }

  @Test
  void noneIsNoListenerAndOneIsItself() {
    Recording one = new Recording("one", List.of());
    assertThat(CompositeCallListener.of(List.of())).isNull();
    assertThat(CompositeCallListener.of(List.of(one))).isSameAs(one);
  }

  @Test
  void everyListenerHearsEveryEventInOrder() {
    List<String> heard = new CopyOnWriteArrayList<>();
    call(CompositeCallListener.of(List.of(new Recording("a", heard), new Recording("b", heard))));
    assertThat(heard).containsExactly("a started", "b started", "a attempt 200", "b attempt 200",
        "a ended SUCCESS", "b ended SUCCESS");
  }

  @Test
  void aListenerForTheCallStandsInForItsTracer() {
    List<String> heard = new CopyOnWriteArrayList<>();
    call(CompositeCallListener.of(List.of(new Recording("a", heard), new Tracing(heard), new Recording("b", heard))));
    assertThat(heard).containsExactly("a started", "span opened", "b started", "a attempt 200", "span attempt 200",
        "b attempt 200", "a ended SUCCESS", "span ended SUCCESS", "b ended SUCCESS");
  }

  @Test
  void aListenerThatThrowsCostsTheOthersNothing() {
    List<String> heard = new CopyOnWriteArrayList<>();
    CallListener failingStart = new CallListener() {
      @Override
      public CallListener callStarted(Started event) {
        throw new IllegalStateException("start");
      }

      @Override
      public void callEnded(Ended event) {
        heard.add("the listener whose start failed must not hear the end");
      }
    };
    CallListener failingEnd = new CallListener() {
      @Override
      public void attemptEnded(Attempt event) {
        throw new IllegalStateException("attempt");
      }

      @Override
      public void callEnded(Ended event) {
        throw new IllegalStateException("end");
      }
    };
    call(CompositeCallListener.of(List.of(failingStart, failingEnd, new Recording("last", heard))));
    assertThat(heard).containsExactly("last started", "last attempt 200", "last ended SUCCESS");
  }
}
