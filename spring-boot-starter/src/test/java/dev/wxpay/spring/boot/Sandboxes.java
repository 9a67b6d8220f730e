package dev.wxpay.spring.boot;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.wxpay.runtime.TestEndpoint;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.spi.Operation;
import dev.wxpay.testkit.WechatPaySandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** What the health, metrics and masking tests share: the properties of a sandbox's merchant, and a call. */
final class Sandboxes {
  /** The operation {@link #query} calls, under the name listeners and metrics report. */
  static final String OPERATION = "Transactions.get";

  private static final Operation<Object> QUERY = Operation.of("GET", "v3/pay/transactions/id/{transaction_id}",
      new Moshi.Builder().build().adapter(Object.class)).named(OPERATION);

  private Sandboxes() {}

  /** The merchant of a public-key sandbox, all as PEM text. */
  static String[] publicKey(WechatPaySandbox sandbox) {
    return new String[] {
        "wxpay.mchid=" + sandbox.mchid(),
        "wxpay.merchant-serial-no=" + sandbox.merchantSerialNo(),
        "wxpay.private-key-pem=" + sandbox.merchantPrivateKeyPem(),
        "wxpay.public-key-id=" + sandbox.wechatpayPublicKeyId(),
        "wxpay.public-key=" + sandbox.wechatpayPublicKeyPem(),
        "wxpay.api-v3-key=" + sandbox.apiV3Key(),
        "wxpay.base-uri=" + sandbox.baseUri(),
    };
  }

  /** The merchant of a certificate sandbox: certificates downloaded at start-up. */
  static String[] certificates(WechatPaySandbox sandbox) {
    return new String[] {
        "wxpay.mchid=" + sandbox.mchid(),
        "wxpay.merchant-serial-no=" + sandbox.merchantSerialNo(),
        "wxpay.private-key-pem=" + sandbox.merchantPrivateKeyPem(),
        "wxpay.platform-certificates=true",
        "wxpay.api-v3-key=" + sandbox.apiV3Key(),
        "wxpay.base-uri=" + sandbox.baseUri(),
    };
  }

  /** {@code GET v3/pay/transactions/id/{id}}, answered by a stub. */
  static Object query(WechatPay wxpay, String id) {
    return wxpay.create(TestEndpoint.class).caller().execute(QUERY.call().path("transaction_id", id).build());
  }

  /** The system clock, until the test moves it ahead: the client's idea of now, years later, without waiting. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    void advance(Duration duration) {
      ahead.updateAndGet(sum -> sum.plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead.get());
    }
  }
}
