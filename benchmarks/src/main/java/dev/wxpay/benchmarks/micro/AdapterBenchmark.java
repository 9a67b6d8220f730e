package dev.wxpay.benchmarks.micro;

import com.squareup.moshi.JsonReader;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequest;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequestJsonAdapter;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponseJsonAdapter;
import dev.wxpay.runtime.spi.Call;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generated adapters as the pipeline runs them: the JSAPI order to the bytes that are signed and sent
 * ({@code Call.Body.toBytes}), and a transaction query answer (about 900 bytes, with a field the model
 * does not have) from the bytes received into {@code OutTradeNoByOutTradeNoResponse}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdapterBenchmark {
  private Call.Body<JsapiRequest> order;
  private byte[] answer;

  @Setup
  public void setUp() throws IOException {
    order = new Call.Body<>(Fixtures.jsapiOrder(), JsapiRequestJsonAdapter.INSTANCE);
    answer = Fixtures.TRANSACTION.getBytes(StandardCharsets.UTF_8);
    OutTradeNoByOutTradeNoResponse decoded = answerFromBytes();
    if (decoded.amount() == null || decoded.payer() == null || decoded.successTime() == null) {
      throw new IllegalStateException("the answer did not decode whole: " + decoded);
    }
  }

  @Benchmark
  public byte[] requestToBytes() {
    return order.toBytes(null);
  }

  @Benchmark
  public OutTradeNoByOutTradeNoResponse answerFromBytes() throws IOException {
    // What JsonDocuments.decode does with the pipeline's Buffer, less the end-of-document check.
    return OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE.fromJson(JsonReader.of(new Buffer().write(answer)));
  }
}
