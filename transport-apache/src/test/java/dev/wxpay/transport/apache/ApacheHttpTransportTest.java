package dev.wxpay.transport.apache;

import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.HttpTransportContract;
import java.time.Duration;

/** The Apache transport honours the transport contract. */
class ApacheHttpTransportTest extends HttpTransportContract {
  @Override
  protected HttpTransport transport(Duration connectTimeout) {
    return ApacheHttpTransport.builder().connectTimeout(connectTimeout).build();
  }
}
