package dev.wxpay.benchmarks.whole;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.service.cashcoupons.CashCouponsService;
import com.wechat.pay.java.service.cashcoupons.model.RestartStockRequest;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The official SDK, wechatpay-java 0.2.17, in public-key mode, through its own {@link CashCouponsService}.
 *
 * <p>Its services only know api.mch.weixin.qq.com and apihk.mch.weixin.qq.com, so an OkHttp interceptor
 * moves each request to the loopback server (scheme, host, port; the signed path and query stay as
 * signed). The OkHttp client is otherwise the SDK's default: a pool of 5 idle connections kept 7 s.
 */
final class OfficialClient implements BenchClient {
  private final CashCouponsService service;
  private final OkHttpClient okHttp;

  OfficialClient(Setup setup) {
    RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder()
        .merchantId(Fixture.MCHID)
        .privateKey(setup.keys().merchantPrivate())
        .merchantSerialNumber(Fixture.MERCHANT_SERIAL)
        .publicKey(setup.keys().platformPublic())
        .publicKeyId(Fixture.PUBLIC_KEY_ID)
        .apiV3Key(Fixture.API_V3_KEY)
        .build();
    String scheme = setup.baseUri().getScheme();
    String host = setup.baseUri().getHost();
    int port = setup.baseUri().getPort();
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(5, 7, TimeUnit.SECONDS))
        .addInterceptor(chain -> {
          HttpUrl url = chain.request().url().newBuilder().scheme(scheme).host(host).port(port).build();
          return chain.proceed(chain.request().newBuilder().url(url).build());
        });
    if (setup.trust() != null) {
      builder.sslSocketFactory(setup.trust().context().getSocketFactory(), setup.trust().manager());
    }
    this.okHttp = builder.build();
    HttpClient http = new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp).build();
    this.service = new CashCouponsService.Builder().httpClient(http).build();
  }

  @Override
  public void call() {
    RestartStockRequest request = new RestartStockRequest();
    request.setStockId(Fixture.STOCK_ID);
    request.setStockCreatorMchid(Fixture.CREATOR_MCHID);
    BenchClient.expectStock(service.restartStock(request).getStockId());
  }

  @Override
  public void close() {
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }
}
