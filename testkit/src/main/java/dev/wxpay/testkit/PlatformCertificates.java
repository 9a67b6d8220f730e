package dev.wxpay.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WeChat Pay's platform certificates in one sandbox: issued, rotated, and listed encrypted by
 * {@code GET /v3/certificates}. None in {@link SandboxVerification#PUBLIC_KEY} mode.
 */
final class PlatformCertificates {
  /** A platform certificate with its key pair and its serial as WeChat Pay writes it. */
  record Issued(X509Certificate certificate, KeyPair keyPair, String serial) {}

  private final SandboxCrypto crypto;
  private final SandboxRandom random;
  private final Clock clock;
  private final String mchid;
  private final byte[] apiV3Key;
  /** Oldest first; replaced whole on rotation, so readers need no lock. */
  private volatile List<Issued> all = List.of();

  PlatformCertificates(SandboxCrypto crypto, SandboxRandom random, Clock clock, String mchid, String apiV3Key) {
    this.crypto = crypto;
    this.random = random;
    this.clock = clock;
    this.mchid = mchid;
    this.apiV3Key = apiV3Key.getBytes(StandardCharsets.UTF_8);
  }

  /** Every certificate, oldest first. */
  List<Issued> all() {
    return all;
  }

  /**
   * Adds a certificate for the key pair, valid from a day ago for five years, which from now on is the newest.
   */
  synchronized Issued issue(KeyPair keyPair) {
    return issue(keyPair, Duration.ZERO);
  }

  /**
   * Adds a certificate for the key pair, valid for five years, which from now on is the newest: with no
   * notice valid from a day ago, else from {@code notice} ahead (in whole seconds, rounded up), when it
   * starts to sign.
   */
  private synchronized Issued issue(KeyPair keyPair, Duration notice) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    long noticeSeconds = notice.getSeconds() + (notice.getNano() > 0 ? 1 : 0);
    Instant notBefore = notice.isZero() ? now.minus(Duration.ofDays(1)) : now.plusSeconds(noticeSeconds);
    BigInteger serial = random.serial();
    X509Certificate certificate = crypto.certificate(keyPair, serial, notBefore,
        OffsetDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(5).toInstant(), mchid);
    Issued added = new Issued(certificate, keyPair, SandboxCrypto.serialHex(serial));
    List<Issued> more = new ArrayList<>(all);
    more.add(added);
    all = List.copyOf(more);
    return added;
  }

  /**
   * Adds a certificate with a new key pair, which signs once its notice has passed (at once without one).
   *
   * @throws IllegalStateException if there are none, in {@link SandboxVerification#PUBLIC_KEY} mode
   */
  synchronized Issued rotate(Duration notice) {
    if (notice.isNegative()) {
      throw new IllegalArgumentException("notice must not be negative, was " + notice);
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("a sandbox in PUBLIC_KEY mode has no platform certificates to rotate");
    }
    return issue(crypto.generateKeyPair(random.secureRandom()), notice);
  }

  /**
   * The certificate that signs now: the newest one in effect by the sandbox clock (a certificate issued
   * with notice is listed before it signs, as WeChat Pay rolls out a new one), else the oldest.
   *
   * @throws IllegalStateException if there is none
   */
  Issued signing() {
    List<Issued> now = all;
    if (now.isEmpty()) {
      throw new IllegalStateException("a sandbox in PUBLIC_KEY mode has no platform certificate");
    }
    Instant at = clock.instant();
    for (int i = now.size() - 1; i > 0; i--) {
      if (!now.get(i).certificate().getNotBefore().toInstant().isAfter(at)) {
        return now.get(i);
      }
    }
    return now.get(0);
  }

  /**
   * The newest certificate, which signs where certificates sign.
   *
   * @throws IllegalStateException if there is none
   */
  Issued newest() {
    List<Issued> now = all;
    if (now.isEmpty()) {
      throw new IllegalStateException("a sandbox in PUBLIC_KEY mode has no platform certificate");
    }
    return now.get(now.size() - 1);
  }

  /**
   * The built-in answer to {@code GET /v3/certificates}: every certificate of the algorithm asked for, as PEM
   * encrypted under the APIv3 key with associated data {@code certificate}.
   */
  StubResponse answer(RecordedRequest request) {
    // WeChat Pay lists the certificates of one algorithm, algorithm_type=RSA|SM2|ALL, RSA by default.
    String type = request.queryParameters().getOrDefault("algorithm_type", "RSA");
    if (!List.of("RSA", "SM2", "ALL").contains(type)) {
      return StubResponse.error(400, "PARAM_ERROR",
          "algorithm_type must be RSA, SM2 or ALL, was \"" + type + "\"");
    }
    SandboxAlgorithm algorithm = crypto.algorithm();
    List<Map<String, Object>> data = new ArrayList<>();
    if (type.equals("ALL") || type.equals(algorithm.name())) {
      for (Issued issued : all) {
        X509Certificate certificate = issued.certificate();
        String nonce = random.alphanumeric(12);
        byte[] pem = Pem.encode(certificate).getBytes(StandardCharsets.UTF_8);
        data.add(SandboxJson.object(
            "serial_no", issued.serial(),
            "effective_time", SandboxJson.time(certificate.getNotBefore().toInstant()),
            "expire_time", SandboxJson.time(certificate.getNotAfter().toInstant()),
            "encrypt_certificate", SandboxJson.object(
                "algorithm", algorithm.aeadAlgorithm(),
                "nonce", nonce,
                "associated_data", "certificate",
                "ciphertext", crypto.encrypt(apiV3Key, nonce, "certificate", pem))));
      }
    }
    return StubResponse.json(SandboxJson.write(SandboxJson.object("data", data)));
  }
}
