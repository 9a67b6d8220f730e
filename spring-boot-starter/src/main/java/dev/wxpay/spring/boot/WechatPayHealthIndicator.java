package dev.wxpay.spring.boot;

import dev.wxpay.runtime.KeyStatus;
import dev.wxpay.runtime.WechatPay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of one {@link WechatPay} from its {@link WechatPay#keyStatus()}: ids, serials, dates and short
 * messages, never a key or the APIv3 key. DOWN when no WeChat Pay key verifies answers now (every platform
 * certificate expired or not yet valid, and no public key) or the merchant key cannot sign; a failed
 * certificate refresh alone is not DOWN while the certificates in use are valid, but it is shown.
 */
final class WechatPayHealthIndicator extends AbstractHealthIndicator {
  private final WechatPay client;

  WechatPayHealthIndicator(WechatPay client) {
    super("WeChat Pay key status check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    KeyStatus status = client.keyStatus();
    List<String> problems = new ArrayList<>();
    if (!status.hasUsableKey()) {
      problems.add("no WeChat Pay key verifies answers now: every platform certificate is expired or not yet"
          + " valid, and there is no public key");
    }
    String merchantKeyProblem = status.merchantKeyProblem();
    if (merchantKeyProblem != null) {
      problems.add(merchantKeyProblem);
    }
    if (problems.isEmpty()) {
      builder.up();
    } else {
      builder.down().withDetail("problems", problems);
    }
    builder.withDetail("mchid", client.mchid()).withDetail("merchantKey", status.merchantKey());
    if (status.publicKeyId() != null) {
      builder.withDetail("publicKeyId", status.publicKeyId());
    }
    if (!status.certificates().isEmpty()) {
      List<Map<String, Object>> certificates = new ArrayList<>();
      for (KeyStatus.Certificate certificate : status.certificates()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("serialNo", certificate.serialNo());
        entry.put("notAfter", certificate.notAfter().toString());
        certificates.add(entry);
      }
      builder.withDetail("certificates", certificates);
    }
    Instant earliestExpiry = status.earliestExpiry();
    if (earliestExpiry != null) {
      builder.withDetail("earliestExpiry", earliestExpiry.toString())
          .withDetail("daysUntilEarliestExpiry", Duration.between(status.at(), earliestExpiry).toDays());
    }
    if (status.downloadsCertificates()) {
      builder.withDetail("certificateDownloads", true);
      Instant lastRefresh = status.lastRefresh();
      if (lastRefresh != null) {
        builder.withDetail("lastRefresh", lastRefresh.toString());
      }
      KeyStatus.RefreshFailure failure = status.lastRefreshFailure();
      if (failure != null) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", failure.at().toString());
        entry.put("message", failure.message());
        builder.withDetail("lastRefreshFailure", entry);
      }
    }
  }
}
