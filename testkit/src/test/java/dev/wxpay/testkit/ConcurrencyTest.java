package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int REQUESTS_PER_THREAD = 50;

  @Test
  void servesAndRecordsConcurrentSignedRequests() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start()) {
      sandbox.stub("POST", "/v3/echo", request -> StubResponse.json(request.bodyAsString()));
      List<Callable<Set<String>>> tasks = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        tasks.add(() -> {
          Set<String> sent = new HashSet<>();
          for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            String body = "{\"thread\":" + thread + ",\"i\":" + i + "}";
            HttpResponse<byte[]> response = MerchantRequest.to(sandbox).post("/v3/echo?t=" + thread, body).send();
            assertEquals(200, response.statusCode(), WireAssertions.bodyOf(response));
            assertEquals(body, WireAssertions.bodyOf(response));
            WireAssertions.assertSignedBy(sandbox, response);
            sent.add(body);
          }
          return sent;
        });
      }
      Set<String> sent = new HashSet<>();
      for (Future<Set<String>> done : clients.invokeAll(tasks)) {
        sent.addAll(done.get());
      }

      List<RecordedRequest> recorded = sandbox.requests();
      assertEquals(THREADS * REQUESTS_PER_THREAD, sent.size());
      assertEquals(THREADS * REQUESTS_PER_THREAD, recorded.size());
      Set<String> received = new HashSet<>();
      for (RecordedRequest request : recorded) {
        assertTrue(request.signatureValid(), request.rejection());
        received.add(request.bodyAsString());
      }
      assertEquals(sent, received);
    } finally {
      clients.shutdownNow();
    }
  }
}
