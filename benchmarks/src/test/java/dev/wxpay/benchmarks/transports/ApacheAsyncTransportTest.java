package dev.wxpay.benchmarks.transports;

import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.HttpTransportContract;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The "apache-async" transport, as the benchmarks make it, honours the transport contract before it is measured. */
class ApacheAsyncTransportTest extends HttpTransportContract {
  @Override
  protected HttpTransport transport(Duration connectTimeout) {
    try {
      return BenchTransports.create("apache-async", SSLContext.getDefault());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
