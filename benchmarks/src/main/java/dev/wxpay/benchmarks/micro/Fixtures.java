package dev.wxpay.benchmarks.micro;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequest;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequestBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Base64;

/** What the micro-benchmarks share: keys, the JSAPI order of the README, a transaction query answer. */
final class Fixtures {
  private Fixtures() {}

  static final String MCHID = "1900000001";
  static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000012025";

  /** The JDK's RSA signature provider, named so that an installed faster provider cannot take over. */
  static Provider jdkProvider() {
    Provider provider = Security.getProvider("SunRsaSign");
    if (provider == null) {
      throw new IllegalStateException("SunRsaSign is not installed");
    }
    return provider;
  }

  /** Amazon Corretto Crypto Provider, checked to have loaded its native library. */
  static Provider accp() {
    AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
    provider.assertHealthy();
    return provider;
  }

  static KeyPair rsa2048() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", jdkProvider());
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSAPI order of the README's payment example. */
  static JsapiRequest jsapiOrder() {
    return JsapiRequestBuilder.build(b -> b
        .appid("wxd678efh567hg6787")
        .mchid(MCHID)
        .description("Example Coffee - latte")
        .outTradeNo("1217752501201407033233368018")
        .notifyUrl("https://shop.example.com/wxpay/notify")
        .amount(a -> a.total(1_800).currency("CNY"))
        .payer(p -> p.openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")));
  }

  /** The signing message of that order, as wxpay signs it: METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n. */
  static byte[] signingMessage() {
    return ("POST\n/v3/pay/transactions/jsapi\n1735689600\n593BEC0C930BF1AFEB40B4A08C8FB242\n"
        + "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000001\",\"description\":\"Example Coffee - latte\","
        + "\"out_trade_no\":\"1217752501201407033233368018\",\"notify_url\":\"https://shop.example.com/wxpay/notify\","
        + "\"amount\":{\"total\":1800,\"currency\":\"CNY\"},\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The answer to the order's query once paid, as WeChat Pay documents it (promotion_detail is skipped). */
  static final String TRANSACTION = "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000001\","
      + "\"out_trade_no\":\"1217752501201407033233368018\",\"transaction_id\":\"1217752501201407033233368018\","
      + "\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\","
      + "\"bank_type\":\"CMC\",\"attach\":\"自定义数据\",\"success_time\":\"2018-06-08T10:34:56+08:00\","
      + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
      + "\"amount\":{\"total\":1800,\"payer_total\":1800,\"currency\":\"CNY\",\"payer_currency\":\"CNY\"},"
      + "\"scene_info\":{\"device_id\":\"013467007045764\"},"
      + "\"promotion_detail\":[{\"coupon_id\":\"109519\",\"name\":\"单品惠-6\",\"scope\":\"SINGLE\","
      + "\"type\":\"CASH\",\"stock_id\":\"931386\",\"amount\":100,\"wechatpay_contribute\":0,"
      + "\"merchant_contribute\":0,\"other_contribute\":0,\"currency\":\"CNY\",\"goods_detail\":[{"
      + "\"goods_id\":\"M1006\",\"quantity\":1,\"unit_price\":100,\"discount_amount\":1}]}]}";

  /** Base64 SHA256withRSA of {@code message}, the way WeChat Pay signs its answers. */
  static String sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA", jdkProvider());
      signature.initSign(key);
      signature.update(message);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
