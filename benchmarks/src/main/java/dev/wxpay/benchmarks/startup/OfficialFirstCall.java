package dev.wxpay.benchmarks.startup;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.core.http.HttpResponse;
import com.wechat.pay.java.service.payments.jsapi.JsapiService;
import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayResponse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh JVM's first verified call with the official SDK (wechatpay-java 0.2.17) in public-key mode: the
 * same JSAPI order, keys and loopback server as {@link WxpayFirstCall}. Its services only know the
 * production hosts, so the SDK's own HttpClient is wrapped to send to the loopback server instead; signing
 * and verification are the SDK's. Arguments: port, key directory.
 */
public final class OfficialFirstCall {
  private OfficialFirstCall() {}

  private static final String PRODUCTION = "https://api.mch.weixin.qq.com";

  public static void main(String[] args) throws Exception {
    Phases phases = new Phases();
    int port = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    String merchantPem = Files.readString(dir.resolve("merchant.key.pem"));
    String platformPem = Files.readString(dir.resolve("platform.pub.pem"));
    phases.end("read-pem", Phases.M1.class);
    RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder()
        .merchantId("1900000001")
        .privateKey(merchantPem)
        .merchantSerialNumber("5157F09EFDC096DE15EBE81A47057A7232F1B8E1")
        .publicKey(platformPem)
        .publicKeyId(StartupServer.PUBLIC_KEY_ID)
        .apiV3Key("0123456789abcdef0123456789abcdef")
        .build();
    HttpClient sdk = new DefaultHttpClientBuilder().config(config).build();
    String loopback = "http://127.0.0.1:" + port;
    HttpClient toLoopback = new HttpClient() {
      @Override
      public <T> HttpResponse<T> execute(HttpRequest request, Class<T> responseClass) {
        return sdk.execute(new HttpRequest.Builder()
            .httpMethod(request.getHttpMethod())
            .url(request.getUrl().toString().replace(PRODUCTION, loopback))
            .headers(request.getHeaders())
            .body(request.getBody())
            .build(), responseClass);
      }

      @Override
      public InputStream download(String url) {
        return sdk.download(url.replace(PRODUCTION, loopback));
      }
    };
    JsapiService service = new JsapiService.Builder().httpClient(toLoopback).build();
    phases.end("build", Phases.M9.class);
    PrepayRequest request = new PrepayRequest();
    request.setAppid("wxd678efh567hg6787");
    request.setMchid("1900000001");
    request.setDescription("Example Coffee - latte");
    request.setOutTradeNo("1217752501201407033233368018");
    request.setNotifyUrl("https://shop.example.com/wxpay/notify");
    Amount amount = new Amount();
    amount.setTotal(1_800);
    amount.setCurrency("CNY");
    request.setAmount(amount);
    Payer payer = new Payer();
    payer.setOpenid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    request.setPayer(payer);
    PrepayResponse order = service.prepay(request);
    phases.end("first-call", Phases.M11.class);
    if (order.getPrepayId() == null || !order.getPrepayId().startsWith("wx")) {
      throw new IllegalStateException("unexpected answer");
    }
    phases.done();
  }
}
