package dev.wxpay.runtime;

import com.squareup.moshi.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a mobile app passes to the OpenSDK's {@code PayReq} to open the WeChat Pay page. Made by
 * {@link PaymentSigner#app}. JSON names are the SDK's all-lower-case ones.
 *
 * @param appId the app id the order was placed with; {@code appid}
 * @param partnerId the merchant id (mchid); {@code partnerid}
 * @param prepayId the {@code prepay_id} of the order; {@code prepayid}
 * @param packageValue always {@code Sign=WXPay}; {@code package}
 * @param nonceStr 32 random characters from {@code [A-Za-z0-9]}; {@code noncestr}
 * @param timeStamp epoch seconds, as a string; {@code timestamp}
 * @param sign Base64 signature over {@code appId\ntimestamp\nnoncestr\nprepayid\n}
 */
public record AppPayParams(
    @Json(name = "appid") String appId,
    @Json(name = "partnerid") String partnerId,
    @Json(name = "prepayid") String prepayId,
    @Json(name = "package") String packageValue,
    @Json(name = "noncestr") String nonceStr,
    @Json(name = "timestamp") String timeStamp,
    String sign) {

  /** The parameters under the exact names the OpenSDK's {@code PayReq} uses. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("appid", appId);
    map.put("partnerid", partnerId);
    map.put("prepayid", prepayId);
    map.put("package", packageValue);
    map.put("noncestr", nonceStr);
    map.put("timestamp", timeStamp);
    map.put("sign", sign);
    return Collections.unmodifiableMap(map);
  }
}
