package dev.wxpay.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link WechatPay} signs and verifies with, at one moment: the merchant key's algorithm, the WeChat
 * Pay public key id, the platform certificates in use and how their downloads went. For health checks and
 * dashboards; made by {@link WechatPay#keyStatus()}. Immutable. It holds ids, serials, dates and short
 * messages, never a key.
 */
public final class KeyStatus {
  /** A platform certificate in use: its serial as WeChat Pay writes it, and its validity. */
  public record Certificate(String serialNo, Instant notBefore, Instant notAfter) {
    public Certificate {
      Objects.requireNonNull(serialNo, "serialNo");
      Objects.requireNonNull(notBefore, "notBefore");
      Objects.requireNonNull(notAfter, "notAfter");
    }

    /** Whether it verifies answers at {@code instant}: from {@code notBefore} to {@code notAfter}, both included. */
    public boolean isValidAt(Instant instant) {
      return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }
  }

  /** A certificate download that failed: when, and why in one short line without key material. */
  public record RefreshFailure(Instant at, String message) {
    public RefreshFailure {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(message, "message");
    }
  }

  private final Instant at;
  private final String merchantKey;
  private final @Nullable String merchantKeyProblem;
  private final @Nullable String publicKeyId;
  private final List<Certificate> certificates;
  private final boolean downloadsCertificates;
  private final @Nullable Instant lastRefresh;
  private final @Nullable RefreshFailure lastRefreshFailure;

  KeyStatus(Instant at, String merchantKey, @Nullable String merchantKeyProblem, @Nullable String publicKeyId,
      List<Certificate> certificates, boolean downloadsCertificates, @Nullable Instant lastRefresh,
      @Nullable RefreshFailure lastRefreshFailure) {
    this.at = at;
    this.merchantKey = merchantKey;
    this.merchantKeyProblem = merchantKeyProblem;
    this.publicKeyId = publicKeyId;
    this.certificates = List.copyOf(certificates);
    this.downloadsCertificates = downloadsCertificates;
    this.lastRefresh = lastRefresh;
    this.lastRefreshFailure = lastRefreshFailure;
  }

  /** When this status was taken, by the instance's clock ({@link WechatPay.Builder#clock}). */
  public Instant at() {
    return at;
  }

  /** The merchant key's algorithm and size, e.g. {@code RSA 2048} or {@code SM2}. */
  public String merchantKey() {
    return merchantKey;
  }

  /** Whether the merchant key still takes a signature with its provider, checked when the status was taken. */
  public boolean merchantKeyUsable() {
    return merchantKeyProblem == null;
  }

  /** Why the merchant key cannot sign (the exception's type and the scheme, nothing of the key); null if it can. */
  public @Nullable String merchantKeyProblem() {
    return merchantKeyProblem;
  }

  /** The id of the WeChat Pay public key ({@code PUB_KEY_ID_...}); null if none is configured. */
  public @Nullable String publicKeyId() {
    return publicKeyId;
  }

  /** The platform certificates in use, given and downloaded, oldest first; expired ones included. */
  public List<Certificate> certificates() {
    return certificates;
  }

  /** Whether certificates are downloaded from {@code v3/certificates} and refreshed in the background. */
  public boolean downloadsCertificates() {
    return downloadsCertificates;
  }

  /** When the certificates were last downloaded and installed; null if they are not downloaded. */
  public @Nullable Instant lastRefresh() {
    return lastRefresh;
  }

  /**
   * The last download that failed, scheduled or on demand (the certificates in use were then kept); null if
   * none has. It stays after a later success: compare with {@link #lastRefresh()}.
   */
  public @Nullable RefreshFailure lastRefreshFailure() {
    return lastRefreshFailure;
  }

  /** Whether an answer signed at {@code instant} can be verified: a public key, or a certificate valid then. */
  public boolean hasUsableKeyAt(Instant instant) {
    if (publicKeyId != null) {
      return true;
    }
    for (Certificate certificate : certificates) {
      if (certificate.isValidAt(instant)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #hasUsableKeyAt} the time of this status. */
  public boolean hasUsableKey() {
    return hasUsableKeyAt(at);
  }

  /**
   * The earliest end of validity among the certificates not yet expired when the status was taken; null if
   * there are none (a public key does not expire).
   */
  public @Nullable Instant earliestExpiry() {
    Instant earliest = null;
    for (Certificate certificate : certificates) {
      Instant notAfter = certificate.notAfter();
      if (!notAfter.isBefore(at) && (earliest == null || notAfter.isBefore(earliest))) {
        earliest = notAfter;
      }
    }
    return earliest;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("KeyStatus{at=").append(at).append(", merchantKey=").append(merchantKey);
    if (merchantKeyProblem != null) {
      out.append(" (").append(merchantKeyProblem).append(')');
    }
    if (publicKeyId != null) {
      out.append(", publicKeyId=").append(publicKeyId);
    }
    if (!certificates.isEmpty() || downloadsCertificates) {
      out.append(", certificates=").append(certificates);
    }
    if (downloadsCertificates) {
      out.append(", lastRefresh=").append(lastRefresh);
      if (lastRefreshFailure != null) {
        out.append(", lastRefreshFailure=").append(lastRefreshFailure);
      }
    }
    return out.append('}').toString();
  }
}
