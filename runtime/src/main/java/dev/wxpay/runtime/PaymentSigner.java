package dev.wxpay.runtime;

import dev.wxpay.annotations.rules.HeaderRules;
import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Signs the parameters a payment page needs to open WeChat Pay after an order was placed: JSAPI and
 * Mini Program pages ({@link #jsapi}) and mobile apps ({@link #app}). The merchant key decides the
 * scheme: SHA256withRSA for an RSA key, SM3withSM2 for an SM2 key ({@code signType} says which). Get it
 * from {@link WechatPay#payments()}. Immutable and thread-safe.
 */
public final class PaymentSigner {
  private static final String APP_PACKAGE = "Sign=WXPay";

  private final PrivateKey merchantKey;
  private final SignatureScheme scheme;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param merchantKey the merchant API private key (RSA or SM2)
   * @param clock the source of {@code timeStamp}
   * @throws IllegalArgumentException if the key is neither RSA nor SM2
   */
  private final @Nullable Provider rsaProvider;

  PaymentSigner(PrivateKey merchantKey, Clock clock, @Nullable Provider rsaProvider) {
    this.rsaProvider = rsaProvider;
    this.scheme = SignatureScheme.forKey(Objects.requireNonNull(merchantKey, "merchantKey"));
    this.merchantKey = merchantKey;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The parameters of {@code getBrandWCPayRequest} / {@code wx.requestPayment} for an order placed with
   * the JSAPI or Mini Program API.
   *
   * @throws IllegalArgumentException if an id is empty or holds CR or LF (either would change the signed
   *     lines)
   */
  public JsapiPayParams jsapi(String appId, String prepayId) {
    requireLine("appId", appId);
    requireLine("prepayId", prepayId);
    String timeStamp = Long.toString(clock.instant().getEpochSecond());
    String nonceStr = Nonces.next(random);
    String packageValue = "prepay_id=" + prepayId;
    String paySign = sign(appId + '\n' + timeStamp + '\n' + nonceStr + '\n' + packageValue + '\n');
    return new JsapiPayParams(appId, timeStamp, nonceStr, packageValue, signType(), paySign);
  }

  /**
   * The parameters of the OpenSDK's {@code PayReq} for an order placed with the App API.
   *
   * @param partnerId the merchant id the order was placed with
   * @throws IllegalArgumentException if an id is empty or holds CR or LF
   */
  public AppPayParams app(String appId, String partnerId, String prepayId) {
    requireLine("appId", appId);
    requireLine("partnerId", partnerId);
    requireLine("prepayId", prepayId);
    String timeStamp = Long.toString(clock.instant().getEpochSecond());
    String nonceStr = Nonces.next(random);
    String sign = sign(appId + '\n' + timeStamp + '\n' + nonceStr + '\n' + prepayId + '\n');
    return new AppPayParams(appId, partnerId, prepayId, APP_PACKAGE, nonceStr, timeStamp, sign);
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "PaymentSigner[" + scheme + "]";
  }

  private String signType() {
    // WeChat Pay's SDK sends "RSA" by default and leaves other values to the caller; "SM2" names the
    // scheme for SM2 merchants.
    return scheme == SignatureScheme.RSA ? "RSA" : "SM2";
  }

  private String sign(String message) {
    return Base64.getEncoder().encodeToString(
        scheme.sign(merchantKey, message.getBytes(StandardCharsets.UTF_8), rsaProvider));
  }

  private static void requireLine(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (HeaderRules.hasLineBreak(value)) {
      throw new IllegalArgumentException(name + " contains CR or LF");
    }
  }
}
