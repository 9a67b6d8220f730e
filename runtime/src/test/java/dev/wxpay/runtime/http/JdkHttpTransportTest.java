package dev.wxpay.runtime.http;

import java.time.Duration;

/** The default transport honours the transport contract. */
class JdkHttpTransportTest extends HttpTransportContract {
  @Override
  protected HttpTransport transport(Duration connectTimeout) {
    return JdkHttpTransport.create(connectTimeout);
  }
}
