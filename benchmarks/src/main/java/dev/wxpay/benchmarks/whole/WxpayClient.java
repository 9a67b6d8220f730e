package dev.wxpay.benchmarks.whole;

import dev.wxpay.benchmarks.transports.BenchTransports;
import dev.wxpay.endpoints.marketing.MarketingApi;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.http.HttpTransport;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** wxpay through the generated marketing artifact, on a named bench transport or on its default one. */
final class WxpayClient implements BenchClient {
  private final WechatPay wxpay;
  private final MarketingApi api;
  private final @Nullable HttpTransport transport;

  private WxpayClient(WechatPay.Builder builder, Setup setup, @Nullable HttpTransport transport) {
    this.transport = transport;
    if (transport != null) {
      builder.transport(transport);
    }
    this.wxpay = builder
        .merchant(Fixture.MCHID, Fixture.MERCHANT_SERIAL, setup.keys().merchantPrivate())
        .wechatpayPublicKey(Fixture.PUBLIC_KEY_ID, setup.keys().platformPublic())
        .baseUri(setup.baseUri())
        .build();
    this.api = MarketingApi.of(wxpay);
  }

  static WxpayClient withTransport(Setup setup, String transport) throws Exception {
    SSLContext ssl = setup.trust() != null ? setup.trust().context() : SSLContext.getDefault();
    return new WxpayClient(WechatPay.builder(), setup, BenchTransports.create(transport, ssl));
  }

  /**
   * The builder without {@code transport(...)}. Its HttpClient trusts what {@link SSLContext#getDefault()}
   * trusts, so with TLS the child makes the trusting context the JVM's default first (see {@link ClientMain}).
   */
  static WxpayClient withDefaultTransport(Setup setup) {
    return new WxpayClient(WechatPay.builder(), setup, null);
  }

  @Override
  public void call() {
    BenchClient.expectStock(api.v3().marketing().favor().stocks(Fixture.STOCK_ID).restart()
        .post(b -> b.stockCreatorMchid(Fixture.CREATOR_MCHID))
        .stockId());
  }

  @Override
  public void close() {
    wxpay.close();
    if (transport != null) {
      transport.close();
    }
  }
}
