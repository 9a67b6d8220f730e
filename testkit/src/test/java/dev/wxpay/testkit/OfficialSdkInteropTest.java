package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAAutoCertificateConfig;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.certificate.AutoCertificateService;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationConfig;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.jsapi.JsapiService;
import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.profitsharing.ProfitsharingService;
import com.wechat.pay.java.service.profitsharing.model.AddReceiverRequest;
import com.wechat.pay.java.service.profitsharing.model.AddReceiverResponse;
import com.wechat.pay.java.service.profitsharing.model.ReceiverRelationType;
import com.wechat.pay.java.service.profitsharing.model.ReceiverType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official Java SDK, wechatpay-java 0.2.17, against the sandbox in public-key and certificate modes, over
 * HTTP and HTTPS: the sandbox accepts its signatures, and it verifies the sandbox's answers and notifications
 * and decrypts the sensitive fields the sandbox encrypts, and the other way round.
 *
 * <p>The SDK's services know only {@code api.mch.weixin.qq.com}; an OkHttp interceptor moves each request to
 * the sandbox (scheme, host and port; the signed path and query stay as they are), which is "only the base URL
 * changed" for a client that has no base URL setting. Over HTTPS its OkHttp client trusts the sandbox's
 * certificate and checks the host name as usual.
 */
class OfficialSdkInteropTest {
  private static final String OUT_TRADE_NO = "1217752501201407033233368018";
  private static final String TRANSACTION = "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000001\","
      + "\"out_trade_no\":\"" + OUT_TRADE_NO + "\",\"transaction_id\":\"1217752501201407033233368018\","
      + "\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\","
      + "\"bank_type\":\"CMC\",\"success_time\":\"2018-06-08T10:34:56+08:00\","
      + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
      + "\"amount\":{\"total\":1800,\"payer_total\":1800,\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";

  private WechatPaySandbox sandbox;
  private OkHttpClient okHttp;

  /** The SDK as a merchant sets it up, its requests moved to the sandbox. */
  private record Sdk(Config config, HttpClient http) {}

  private Sdk start(String mode) {
    SandboxVerification verification = mode.startsWith("certificate")
        ? SandboxVerification.CERTIFICATE : SandboxVerification.PUBLIC_KEY;
    // TestKeys.WECHATPAY is the public key's pair, or in certificate mode the platform certificate's.
    WechatPaySandbox.Builder builder = TestKeys.sandbox().verification(verification);
    sandbox = (mode.endsWith("https") ? builder.https() : builder).start();
    String scheme = sandbox.baseUri().getScheme();
    OkHttpClient.Builder ok = new OkHttpClient.Builder()
        .callTimeout(10, TimeUnit.SECONDS)
        .addInterceptor(chain -> {
          HttpUrl url = chain.request().url().newBuilder().scheme(scheme).host("127.0.0.1").port(sandbox.port())
              .build();
          return chain.proceed(chain.request().newBuilder().url(url).build());
        });
    if (scheme.equals("https")) {
      ok.sslSocketFactory(sandbox.sslContext().getSocketFactory(), sandbox.trustManager());
    }
    okHttp = ok.build();
    Config config;
    if (verification == SandboxVerification.CERTIFICATE) {
      // Downloads the platform certificates from the sandbox now, its Wechatpay-Serial still empty.
      config = new RSAAutoCertificateConfig.Builder()
          .merchantId(sandbox.mchid())
          .privateKey(sandbox.merchantPrivateKey())
          .merchantSerialNumber(sandbox.merchantSerialNo())
          .apiV3Key(sandbox.apiV3Key())
          .httpClientBuilder(new DefaultHttpClientBuilder().okHttpClient(okHttp))
          .build();
      RecordedRequest download = sandbox.takeRequests().get(0);
      assertEquals("/v3/certificates?algorithm_type=RSA", download.uri());
      assertEquals("", download.header("Wechatpay-Serial"));
      assertNull(download.rejection(), download.rejection());
    } else {
      config = new RSAPublicKeyConfig.Builder()
          .merchantId(sandbox.mchid())
          .privateKey(sandbox.merchantPrivateKey())
          .merchantSerialNumber(sandbox.merchantSerialNo())
          .publicKey(sandbox.wechatpayPublicKey())
          .publicKeyId(sandbox.wechatpayPublicKeyId())
          .apiV3Key(sandbox.apiV3Key())
          .build();
    }
    return new Sdk(config, new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp).build());
  }

  /** What the SDK names in Wechatpay-Serial: the public key id, or the platform certificate's serial. */
  private String wechatpaySerial() {
    return sandbox.verification() == SandboxVerification.CERTIFICATE
        ? sandbox.platformCertificateSerial() : sandbox.wechatpayPublicKeyId();
  }

  @AfterEach
  void stop() {
    if (okHttp != null) {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
    if (sandbox != null) {
      // The SDK keeps downloaded certificates in a static registry, refreshed hourly; leave nothing behind.
      AutoCertificateService.unregister(sandbox.mchid(), "RSA");
      sandbox.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"public key over http", "certificate over http", "public key over https",
      "certificate over https"})
  void officialClientCallsTheSandboxAndVerifiesItsAnswers(String mode) {
    Sdk sdk = start(mode);
    JsapiService jsapi = new JsapiService.Builder().httpClient(sdk.http()).build();

    sandbox.stub("POST", "/v3/pay/transactions/jsapi",
        StubResponse.json("{\"prepay_id\":\"wx201410272009395522657a690389285100\"}"));
    PrepayRequest prepay = new PrepayRequest();
    prepay.setAppid("wxd678efh567hg6787");
    prepay.setMchid(sandbox.mchid());
    prepay.setDescription("Image形象店-深圳腾大-QQ公仔");
    prepay.setOutTradeNo(OUT_TRADE_NO);
    prepay.setNotifyUrl("https://www.weixin.qq.com/wxpay/pay.php");
    Amount amount = new Amount();
    amount.setTotal(1800);
    amount.setCurrency("CNY");
    prepay.setAmount(amount);
    Payer payer = new Payer();
    payer.setOpenid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    prepay.setPayer(payer);
    assertEquals("wx201410272009395522657a690389285100", jsapi.prepay(prepay).getPrepayId());
    RecordedRequest prepaid = sandbox.lastRequest();
    assertTrue(prepaid.signatureValid(), prepaid.rejection());
    assertEquals(wechatpaySerial(), prepaid.header("Wechatpay-Serial"));
    assertTrue(prepaid.bodyAsString().contains("\"out_trade_no\":\"" + OUT_TRADE_NO + "\""), prepaid.bodyAsString());

    String queryPath = "/v3/pay/transactions/out-trade-no/" + OUT_TRADE_NO;
    sandbox.stub("GET", queryPath, StubResponse.json(TRANSACTION));
    QueryOrderByOutTradeNoRequest query = new QueryOrderByOutTradeNoRequest();
    query.setOutTradeNo(OUT_TRADE_NO);
    query.setMchid(sandbox.mchid());
    Transaction transaction = jsapi.queryOrderByOutTradeNo(query);
    assertEquals(Transaction.TradeStateEnum.SUCCESS, transaction.getTradeState());
    assertEquals(1800, transaction.getAmount().getTotal());
    assertEquals(queryPath + "?mchid=" + sandbox.mchid(), sandbox.lastRequest().uri());
    assertTrue(sandbox.lastRequest().signatureValid(), sandbox.lastRequest().rejection());

    // Answers a correct client must refuse, the SDK refuses.
    for (StubResponse forged : List.of(StubResponse.json(TRANSACTION).tamperBody(),
        StubResponse.json(TRANSACTION).tamperSignature())) {
      sandbox.stub("GET", queryPath, forged);
      assertThrows(ValidationException.class, () -> jsapi.queryOrderByOutTradeNo(query), forged.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"public key over http", "certificate over http", "certificate over https"})
  void officialNotificationParserVerifiesAndDecryptsSandboxNotifications(String mode) {
    Sdk sdk = start(mode);
    NotificationParser parser = new NotificationParser((NotificationConfig) sdk.config());
    SandboxNotification notification = sandbox.notification("TRANSACTION.SUCCESS", "支付成功", TRANSACTION);

    Transaction paid = parser.parse(requestParam(notification), Transaction.class);
    assertEquals(OUT_TRADE_NO, paid.getOutTradeNo());
    assertEquals(Transaction.TradeStateEnum.SUCCESS, paid.getTradeState());
    assertEquals(wechatpaySerial(), notification.headers().get("Wechatpay-Serial"));

    assertThrows(ValidationException.class, () -> parser.parse(requestParam(notification.tamperBody()),
        Transaction.class));
    assertThrows(ValidationException.class, () -> parser.parse(requestParam(notification.tamperSignature()),
        Transaction.class));
  }

  /** The notification as a web framework hands it over: headers looked up by WeChat Pay's exact names. */
  private static RequestParam requestParam(SandboxNotification notification) {
    Map<String, String> headers = notification.headers();
    return new RequestParam.Builder()
        .serialNumber(headers.get("Wechatpay-Serial"))
        .nonce(headers.get("Wechatpay-Nonce"))
        .signature(headers.get("Wechatpay-Signature"))
        .timestamp(headers.get("Wechatpay-Timestamp"))
        .signType(headers.get("Wechatpay-Signature-Type"))
        .body(notification.bodyAsString())
        .build();
  }

  /**
   * 添加分账接收方 ({@code POST /v3/profitsharing/receivers/add}) carries {@code name} encrypted both ways: the
   * SDK encrypts it for WeChat Pay and names the key in {@code Wechatpay-Serial}; the answer's is encrypted for
   * the merchant and decrypted by the SDK. The sandbox side uses the testkit's RSA-OAEP helpers
   * ({@link OperationAssertions}), with the WeChat Pay key pair the sandbox was given.
   */
  @ParameterizedTest
  @ValueSource(strings = {"public key over http", "certificate over http", "public key over https"})
  void sensitiveFieldsAreDecryptedOnEachSide(String mode) {
    Sdk sdk = start(mode);
    ProfitsharingService profitsharing = new ProfitsharingService.Builder().config(sdk.config())
        .httpClient(sdk.http()).build();
    String plain = "{\"type\":\"PERSONAL_OPENID\",\"account\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\",\"name\":\"张三\","
        + "\"relation_type\":\"STORE\"}";
    sandbox.stub("POST", "/v3/profitsharing/receivers/add",
        StubResponse.json(OperationAssertions.encryptedFor(sandbox.merchantPublicKey(), plain, List.of("name"))));

    AddReceiverRequest request = new AddReceiverRequest();
    request.setAppid("wx8888888888888888");
    request.setType(ReceiverType.PERSONAL_OPENID);
    request.setAccount("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    request.setName("张三");
    request.setRelationType(ReceiverRelationType.STORE);
    AddReceiverResponse response = profitsharing.addReceiver(request);

    assertEquals("张三", response.getName());
    assertEquals("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", response.getAccount());
    OperationAssertions.assertSent(sandbox.lastRequest(), TestKeys.WECHATPAY.getPrivate(), "POST",
        "/v3/profitsharing/receivers/add", List.of(), Map.of("Wechatpay-Serial", wechatpaySerial()),
        "{\"appid\":\"wx8888888888888888\"," + plain.substring(1), List.of("name"));
  }
}
