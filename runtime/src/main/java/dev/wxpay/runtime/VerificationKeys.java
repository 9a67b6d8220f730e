package dev.wxpay.runtime;

import dev.wxpay.runtime.internal.crypto.CertificateSerials;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The keys WeChat Pay signs with, found by the serial a response names in {@code Wechatpay-Serial}: the
 * WeChat Pay public key ({@code PUB_KEY_ID_...}), platform certificates, or both during a migration.
 * Certificates are replaced atomically by a refresh; readers never block. Thread-safe.
 */
final class VerificationKeys {
  /** A key and the id WeChat Pay knows it by. */
  record Key(String id, PublicKey key) {}

  private final @Nullable Key publicKey;
  private final Clock clock;
  // Certificates given in the configuration: they stay when downloads replace the others.
  private final List<X509Certificate> given;
  private final AtomicReference<Map<String, X509Certificate>> certificates =
      new AtomicReference<>(Map.of());

  VerificationKeys(@Nullable Key publicKey, Collection<X509Certificate> given, Clock clock) {
    this.publicKey = publicKey;
    this.clock = clock;
    this.given = List.copyOf(given);
    replaceCertificates(List.of());
  }

  /** The key named by {@code serial}, or null if none is known or its certificate is not valid now. */
  @Nullable PublicKey find(String serial) {
    if (publicKey != null && publicKey.id().equals(serial)) {
      return publicKey.key();
    }
    X509Certificate certificate = certificates.get().get(serial);
    return certificate != null && isValidNow(certificate) ? certificate.getPublicKey() : null;
  }

  /**
   * The key sensitive fields are encrypted for: the public key if there is one, else the newest valid
   * certificate; null before any certificate is known (while the first ones download). The call names
   * it in {@code Wechatpay-Serial}.
   */
  @Nullable Key encryptionKey() {
    if (publicKey != null) {
      return publicKey;
    }
    X509Certificate newest = null;
    for (X509Certificate certificate : certificates.get().values()) {
      if (isValidNow(certificate)
          && (newest == null || certificate.getNotBefore().after(newest.getNotBefore()))) {
        newest = certificate;
      }
    }
    return newest == null ? null : new Key(CertificateSerials.serialNo(newest), newest.getPublicKey());
  }

  /** The same public key with other certificates, to check a download against what it brings. */
  VerificationKeys withCertificates(Collection<X509Certificate> candidates) {
    VerificationKeys keys = new VerificationKeys(publicKey, given, clock);
    keys.replaceCertificates(candidates);
    return keys;
  }

  /** The WeChat Pay public key's id; null if there is none. */
  @Nullable String publicKeyId() {
    return publicKey == null ? null : publicKey.id();
  }

  /** The certificates in use, given and downloaded, oldest first (expired ones too). */
  Collection<X509Certificate> certificates() {
    return certificates.get().values();
  }

  /** Whether any certificate is known. */
  boolean hasCertificates() {
    return !certificates.get().isEmpty();
  }

  /** Replaces the downloaded platform certificates; given ones stay. */
  void replaceCertificates(Collection<X509Certificate> replacement) {
    Map<String, X509Certificate> bySerial = new LinkedHashMap<>();
    if (given.isEmpty() && replacement.isEmpty()) {
      // Public-key mode: nothing to index, and no comparator to bootstrap at start-up. (Like the map below,
      // and unlike Map.of(), it answers a null key.)
      certificates.set(Collections.emptyMap());
      return;
    }
    List<X509Certificate> sorted = new ArrayList<>(given);
    sorted.addAll(replacement);
    sorted.sort(Comparator.comparing(X509Certificate::getNotBefore));
    for (X509Certificate certificate : sorted) {
      bySerial.put(CertificateSerials.serialNo(certificate), certificate);
    }
    certificates.set(Collections.unmodifiableMap(bySerial));
  }

  /** What a response may name, for messages: ids and serials are not secret. */
  String describe() {
    List<String> known = new ArrayList<>();
    if (publicKey != null) {
      known.add("public key id " + publicKey.id());
    }
    if (!certificates.get().isEmpty()) {
      known.add("platform certificates " + certificates.get().keySet());
    }
    return String.join(" or ", known);
  }

  private boolean isValidNow(X509Certificate certificate) {
    try {
      certificate.checkValidity(Date.from(clock.instant()));
      return true;
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      return false;
    }
  }
}
