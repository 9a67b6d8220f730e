package dev.wxpay.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.runtime.ValidationException;
import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.JdkHttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import dev.wxpay.testkit.SandboxVerification;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The guard of the soak: a short run of the real client reconciles clean, and each kind of broken client (one
 * that accepts an answer it should refuse, one that loses calls, one that sends twice) is caught for what it
 * did, so that a clean soak report means something.
 */
class SoakCheckTest {
  private static SoakRun.Options options(List<Fault> faults, double rate, String transport) {
    return new SoakRun.Options(200, Duration.ZERO, 8, rate, faults, Duration.ZERO, Duration.ofSeconds(2),
        SandboxVerification.CERTIFICATE, Duration.ofMillis(1_000), 7, transport, Duration.ZERO);
  }

  private static final List<Fault> ALL = List.of(Fault.TAMPERED_SIGNATURE, Fault.TAMPERED_BODY, Fault.SKEWED_TIME,
      Fault.SERVER_ERROR, Fault.DROPPED_CONNECTION, Fault.DELAY_PAST_TIMEOUT);

  @Test
  void theRealClientReconcilesCleanWithEveryFault() throws Exception {
    SoakRun.Result result = new SoakRun(options(ALL, 0.3, "jdk"), SoakRun.Hooks.NONE).run();
    Reconciler.Books books = result.books();
    assertTrue(books.clean(), SoakMain.report(result));
    assertEquals(200, books.calls());
    // Every kind was injected and ended as it should; none was lost or taken.
    for (Fault fault : Fault.values()) {
      assertTrue(books.injected().getOrDefault(fault.name(), 0L) > 0, fault + ": " + books.injected());
    }
    assertTrue(books.outcomes().get("verified answer") > 100, books.outcomes().toString());
    assertTrue(books.outcomes().containsKey("ValidationException BAD_SIGNATURE"), books.outcomes().toString());
    assertTrue(books.outcomes().containsKey("TransportException timed out"), books.outcomes().toString());
    assertTrue(books.certificateDownloads() >= 1);
  }

  @Test
  void catchesAClientThatAcceptsAnAnswerItShouldRefuse() throws Exception {
    // Swallows a failed verification and makes up the answer it expected.
    SoakRun.Hooks accepting = new SoakRun.Hooks(b -> b, calls -> new Delegating(calls) {
      @Override
      public Object order(String id) {
        try {
          return super.order(id);
        } catch (ValidationException e) {
          return new JsapiResponse("wx" + id + ".1");
        }
      }
    });
    Reconciler.Books books =
        new SoakRun(options(List.of(Fault.TAMPERED_BODY), 0.3, "jdk"), accepting).run().books();
    assertFalse(books.clean());
    assertTrue(books.wronglyAccepted() > 0, books.toString());
    assertEquals(0, books.lost());
    assertTrue(books.examples().stream().anyMatch(e -> e.contains("returned an answer although its fault was")),
        books.examples().toString());
  }

  @Test
  void catchesAClientThatLosesCalls() throws Exception {
    // Every tenth async order never completes.
    AtomicInteger orders = new AtomicInteger();
    SoakRun.Hooks losing = new SoakRun.Hooks(b -> b, calls -> new Delegating(calls) {
      @Override
      public CompletableFuture<?> orderAsync(String id) {
        return orders.incrementAndGet() % 10 == 0 ? new CompletableFuture<>() : super.orderAsync(id);
      }
    });
    SoakRun.Options options = options(List.of(), 0, "jdk");
    Reconciler.Books books = new SoakRun(options, losing).run().books();
    assertFalse(books.clean());
    assertTrue(books.lost() > 0, books.toString());
    assertEquals(0, books.wronglyAccepted());
    assertEquals(books.calls(), books.lost() + books.outcomes().get("verified answer") + books.timedOutWithoutFault(),
        books.toString());
  }

  @Test
  void catchesATransportThatSendsTwice() throws Exception {
    // Sends every fifth request twice and answers with the second.
    SoakRun.Hooks twice = new SoakRun.Hooks(b -> b.transport(new Twice(JdkHttpTransport.create(Duration.ofSeconds(5)))),
        calls -> calls);
    Reconciler.Books books = new SoakRun(options(List.of(), 0, "jdk"), twice).run().books();
    assertFalse(books.clean());
    assertTrue(books.sentTooOften() > 0, books.toString());
    assertEquals(0, books.lost());
  }

  /** Passes every call on; subclasses break one. */
  private static class Delegating implements Calls {
    private final Calls calls;

    Delegating(Calls calls) {
      this.calls = calls;
    }

    @Override
    public Object order(String id) {
      return calls.order(id);
    }

    @Override
    public CompletableFuture<?> orderAsync(String id) {
      return calls.orderAsync(id);
    }

    @Override
    public Object query(String id) {
      return calls.query(id);
    }

    @Override
    public CompletableFuture<?> queryAsync(String id) {
      return calls.queryAsync(id);
    }
  }

  private static final class Twice implements HttpTransport {
    private final HttpTransport transport;
    private final AtomicInteger requests = new AtomicInteger();

    Twice(HttpTransport transport) {
      this.transport = transport;
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
      if (requests.incrementAndGet() % 5 == 0) {
        transport.send(request).close();
      }
      return transport.send(request);
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      if (requests.incrementAndGet() % 5 == 0) {
        return transport.sendAsync(request).thenCompose(first -> {
          try {
            first.close();
          } catch (IOException e) {
            // The first answer is dropped anyway.
          }
          return transport.sendAsync(request);
        });
      }
      return transport.sendAsync(request);
    }
  }
}
