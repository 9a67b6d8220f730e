package dev.wxpay.runtime;

import com.squareup.moshi.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a JSAPI page or Mini Program passes to {@code WeixinJSBridge.invoke('getBrandWCPayRequest', ...)}
 * or {@code wx.requestPayment}. Made by {@link PaymentSigner#jsapi}.
 *
 * @param appId the app id the order was placed with
 * @param timeStamp epoch seconds, as a string
 * @param nonceStr 32 random characters from {@code [A-Za-z0-9]}
 * @param packageValue {@code prepay_id=<id>}; named {@code package} in JSON and JavaScript
 * @param signType {@code RSA}, or {@code SM2} for SM2 merchants
 * @param paySign Base64 signature over {@code appId\ntimeStamp\nnonceStr\npackage\n}
 */
public record JsapiPayParams(
    String appId,
    String timeStamp,
    String nonceStr,
    @Json(name = "package") String packageValue,
    String signType,
    String paySign) {

  /** The parameters under the exact names the JavaScript API expects, in its documented order. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("appId", appId);
    map.put("timeStamp", timeStamp);
    map.put("nonceStr", nonceStr);
    map.put("package", packageValue);
    map.put("signType", signType);
    map.put("paySign", paySign);
    return Collections.unmodifiableMap(map);
  }
}
