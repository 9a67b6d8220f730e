package dev.wxpay.spring.boot;

import dev.wxpay.runtime.KeyStatus;
import dev.wxpay.runtime.WechatPay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health of one {@link WechatPay} from its {@link WechatPay#keyStatus()}, apart from the actuator's
 * types, which differ between Spring Boot 3 and 4: ids, serials, dates and short messages, never a key or the
 * APIv3 key. Down when no WeChat Pay key verifies answers now (every platform certificate expired or not yet
 * valid, and no public key) or the merchant key cannot sign; a failed certificate refresh alone is not down
 * while the certificates in use are valid, but it is shown.
 */
record KeyHealth(boolean up, Map<String, Object> details) {

  static KeyHealth of(WechatPay client) {
    KeyStatus status = client.keyStatus();
    Map<String, Object> details = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (!status.hasUsableKey()) {
      problems.add("no WeChat Pay key verifies answers now: every platform certificate is expired or not yet"
          + " valid, and there is no public key");
    }
    String merchantKeyProblem = status.merchantKeyProblem();
    if (merchantKeyProblem != null) {
      problems.add(merchantKeyProblem);
    }
    if (!problems.isEmpty()) {
      details.put("problems", problems);
    }
    details.put("mchid", client.mchid());
    details.put("merchantKey", status.merchantKey());
    if (status.publicKeyId() != null) {
      details.put("publicKeyId", status.publicKeyId());
    }
    if (!status.certificates().isEmpty()) {
      List<Map<String, Object>> certificates = new ArrayList<>();
      for (KeyStatus.Certificate certificate : status.certificates()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("serialNo", certificate.serialNo());
        entry.put("notAfter", certificate.notAfter().toString());
        certificates.add(entry);
      }
      details.put("certificates", certificates);
    }
    Instant earliestExpiry = status.earliestExpiry();
    if (earliestExpiry != null) {
      details.put("earliestExpiry", earliestExpiry.toString());
      details.put("daysUntilEarliestExpiry", Duration.between(status.at(), earliestExpiry).toDays());
    }
    if (status.downloadsCertificates()) {
      details.put("certificateDownloads", true);
      Instant lastRefresh = status.lastRefresh();
      if (lastRefresh != null) {
        details.put("lastRefresh", lastRefresh.toString());
      }
      KeyStatus.RefreshFailure failure = status.lastRefreshFailure();
      if (failure != null) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", failure.at().toString());
        entry.put("message", failure.message());
        details.put("lastRefreshFailure", entry);
      }
    }
    return new KeyHealth(problems.isEmpty(), details);
  }
}
