package dev.wxpay.benchmarks.startup;

import dev.wxpay.endpoints.v3.pay.transactions.Jsapi;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.runtime.JsonValue;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.http.JdkHttpTransport;
import dev.wxpay.runtime.internal.crypto.PemKeys;
import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * A fresh JVM's first verified call with wxpay, as an application makes it: PEM keys, the builder with the
 * default transport in public-key mode, {@code create}, one JSAPI order to the loopback
 * {@link StartupServer}. Arguments: port, key directory, and {@code steps} to first run, one by one, the
 * pieces the builder and the call use (key parsing, SecureRandom, HttpClient, sign, verify, JSON), so that
 * each phase's time is what that piece costs the first time.
 */
public final class WxpayFirstCall {
  private WxpayFirstCall() {}

  public static void main(String[] args) throws Exception {
    Phases phases = new Phases();
    int port = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    boolean steps = args.length > 2 && args[2].equals("steps");
    String merchantPem = Files.readString(dir.resolve("merchant.key.pem"));
    String platformPem = Files.readString(dir.resolve("platform.pub.pem"));
    phases.end("read-pem", Phases.M1.class);
    if (steps) {
      PrivateKey key = PemKeys.privateKey(merchantPem);
      phases.end("parse-private-key", Phases.M2.class);
      PublicKey publicKey = PemKeys.publicKey(platformPem);
      phases.end("parse-public-key", Phases.M3.class);
      new SecureRandom().nextInt();
      phases.end("securerandom", Phases.M4.class);
      JdkHttpTransport.create(Duration.ofSeconds(10)).close();
      phases.end("httpclient", Phases.M5.class);
      byte[] signature = SignatureScheme.RSA.sign(key, "x\n".getBytes(StandardCharsets.UTF_8));
      phases.end("first-sign", Phases.M6.class);
      SignatureScheme.RSA.sign(key, "y\n".getBytes(StandardCharsets.UTF_8));
      phases.end("second-sign", Phases.M12.class);
      SignatureScheme.RSA.verify(publicKey, "x\n".getBytes(StandardCharsets.UTF_8), signature);
      phases.end("first-verify", Phases.M7.class);
      JsonValue.parse("{\"a\":[1,\"b\"]}");
      phases.end("first-json", Phases.M8.class);
    }
    WechatPay wxpay = WechatPay.builder()
        .merchant("1900000001", "5157F09EFDC096DE15EBE81A47057A7232F1B8E1", merchantPem)
        .wechatpayPublicKey(StartupServer.PUBLIC_KEY_ID, platformPem)
        .baseUri(URI.create("http://127.0.0.1:" + port + "/"))
        .build();
    phases.end("build", Phases.M9.class);
    Jsapi jsapi = wxpay.create(Jsapi.class);
    phases.end("create", Phases.M10.class);
    JsapiResponse order = jsapi.post(b -> b
        .appid("wxd678efh567hg6787")
        .mchid("1900000001")
        .description("Example Coffee - latte")
        .outTradeNo("1217752501201407033233368018")
        .notifyUrl("https://shop.example.com/wxpay/notify")
        .amount(a -> a.total(1_800).currency("CNY"))
        .payer(p -> p.openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")));
    phases.end("first-call", Phases.M11.class);
    if (order.prepayId() == null || !order.prepayId().startsWith("wx")) {
      throw new IllegalStateException("unexpected answer");
    }
    phases.done();
    wxpay.close();
  }
}
