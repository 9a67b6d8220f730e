package dev.wxpay.runtime;

import com.squareup.moshi.JsonDataException;
import dev.wxpay.runtime.internal.crypto.ApiV3Key;
import dev.wxpay.runtime.internal.crypto.CertificateSerials;
import dev.wxpay.runtime.internal.crypto.DecryptionException;
import dev.wxpay.runtime.internal.crypto.PemKeys;
import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import dev.wxpay.runtime.internal.model.CertificateList;
import dev.wxpay.runtime.internal.model.CertificateListJsonAdapter;
import dev.wxpay.runtime.internal.model.EncryptedResource;
import dev.wxpay.runtime.internal.model.PlatformCertificate;
import dev.wxpay.runtime.spi.Operation;
import java.io.IOException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Downloads the platform certificates ({@code GET v3/certificates}): decrypts each
 * {@code encrypt_certificate} with the APIv3 key, parses it, checks that its serial is the one listed and
 * that it is valid now, and verifies the download itself with the certificate the answer names in
 * {@code Wechatpay-Serial} (or the public key, in mixed mode). Only then are the certificates used.
 */
final class CertificateDownloader {
  private static final Operation<@Nullable Void> CERTIFICATES = Operation.withoutResponse("GET", "v3/certificates");

  private final Pipeline pipeline;
  private final VerificationKeys keys;
  private final ApiV3Key apiV3Key;
  private final Clock clock;
  private static final long ON_DEMAND_GAP_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final int MAX_FAILURE_LENGTH = 300;

  private final SignatureScheme scheme;
  private final ResponseVerifier verifier;
  // Guarded by this.
  private @Nullable Long lastOnDemand;
  private boolean lastOnDemandSucceeded;
  // What keyStatus() shows; written by whichever thread refreshes, each field on its own.
  private volatile @Nullable Instant lastSuccess;
  private volatile KeyStatus.@Nullable RefreshFailure lastFailure;

  CertificateDownloader(Pipeline pipeline, VerificationKeys keys, ApiV3Key apiV3Key, Clock clock,
      SignatureScheme scheme, ResponseVerifier verifier) {
    this.pipeline = pipeline;
    this.verifier = verifier;
    this.scheme = scheme;
    this.keys = keys;
    this.apiV3Key = apiV3Key;
    this.clock = clock;
  }

  /**
   * The check of answers and notifications in certificate mode: with the keys in use, and when the
   * {@code Wechatpay-Serial} is one they do not know, again after downloading the certificates at once
   * (WeChat Pay may sign with a new certificate before the next scheduled refresh). At most one such
   * download a minute, so forged serials cannot make the client download without end.
   */
  Pipeline.AnswerCheck refreshingOnUnknownSerial() {
    return (headers, body) -> {
      try {
        verifier.verify(headers, body);
      } catch (ValidationException e) {
        if (e.reason() != ValidationException.Reason.UNKNOWN_SERIAL || !refreshOnDemand()) {
          throw e;
        }
        verifier.verify(headers, body);
      }
    };
  }

  /** Whether the keys may have changed: a download now, or one by another caller within the minute. */
  private synchronized boolean refreshOnDemand() {
    long now = System.nanoTime();
    if (lastOnDemand != null && now - lastOnDemand < ON_DEMAND_GAP_NANOS) {
      return lastOnDemandSucceeded;
    }
    lastOnDemand = now;
    try {
      refresh();
      lastOnDemandSucceeded = true;
    } catch (WechatPayException e) {
      // The answer then fails with its own UNKNOWN_SERIAL; the scheduled refresh reports failures.
      lastOnDemandSucceeded = false;
    }
    return lastOnDemandSucceeded;
  }

  /**
   * Downloads, checks and installs the certificates.
   *
   * @throws WechatPayException (a {@link ServiceException}, {@link TransportException} or
   *     {@link ValidationException}) if anything fails; the certificates in use are then unchanged
   */
  List<X509Certificate> refresh() {
    try {
      List<X509Certificate> downloaded = download();
      lastSuccess = clock.instant();
      return downloaded;
    } catch (RuntimeException e) {
      lastFailure = new KeyStatus.RefreshFailure(clock.instant(), describe(e));
      throw e;
    }
  }

  /** When the certificates were last installed; null before the first download. */
  @Nullable Instant lastSuccess() {
    return lastSuccess;
  }

  /** The last download that failed; null if none has. */
  KeyStatus.@Nullable RefreshFailure lastFailure() {
    return lastFailure;
  }

  /**
   * One short line. Only a WechatPayException's message is shown: those promise one line without key material
   * or decrypted data; anything else is named by its type.
   */
  private static String describe(RuntimeException e) {
    String message = e instanceof WechatPayException ? e.getMessage() : null;
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() <= MAX_FAILURE_LENGTH ? text : text.substring(0, MAX_FAILURE_LENGTH - 3) + "...";
  }

  private List<X509Certificate> download() {
    // The certificates authenticate the answer that brought them: the APIv3 key, known only to the
    // merchant and WeChat Pay, decrypted them, and the answer must be signed by one of them.
    AtomicReference<List<X509Certificate>> verified = new AtomicReference<>();
    Pipeline bootstrap = pipeline.checkingAnswersWith((headers, body) -> {
      List<X509Certificate> downloaded = certificates(decode(body));
      verifier.withKeys(keys.withCertificates(downloaded)).verify(headers, body);
      verified.set(downloaded);
    });
    // WeChat Pay lists RSA certificates unless asked for another kind.
    bootstrap.execute(CERTIFICATES.call().query("algorithm_type", scheme.name()).build());
    List<X509Certificate> downloaded = verified.get();
    keys.replaceCertificates(downloaded);
    return downloaded;
  }

  private static CertificateList decode(byte[] body) {
    try {
      CertificateList list = JsonDocuments.decode(CertificateListJsonAdapter.INSTANCE, new Buffer().write(body), null);
      if (list == null) {
        throw new JsonDataException("the answer is JSON null");
      }
      return list;
    } catch (IOException | RuntimeException e) {
      // Nothing here is decrypted yet, so the message may say what was wrong.
      throw new WechatPayException("the v3/certificates answer is not a certificate list: " + e.getMessage(), e);
    }
  }

  private List<X509Certificate> certificates(CertificateList list) {
    if (list.data().isEmpty()) {
      throw new WechatPayException("the v3/certificates answer lists no certificates");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (PlatformCertificate entry : list.data()) {
      EncryptedResource encrypted = entry.encryptCertificate();
      String pem;
      try {
        pem = apiV3Key.decryptToString(encrypted.algorithm(), encrypted.nonce(),
            Objects.requireNonNullElse(encrypted.associatedData(), ""), encrypted.ciphertext());
      } catch (DecryptionException e) {
        throw ValidationException.of(e);
      }
      String serial = entry.serialNo();
      X509Certificate certificate;
      try {
        certificate = PemKeys.certificate(pem);
      } catch (IllegalArgumentException e) {
        throw new WechatPayException("platform certificate " + serial + " cannot be parsed", e);
      }
      if (!CertificateSerials.serialNo(certificate).equals(serial)) {
        throw new ValidationException(ValidationException.Reason.UNKNOWN_SERIAL, "platform certificate "
            + CertificateSerials.serialNo(certificate) + " was listed as serial_no " + serial);
      }
      try {
        certificate.checkValidity(Date.from(clock.instant()));
      } catch (CertificateExpiredException e) {
        continue;
      } catch (CertificateNotYetValidException e) {
        // Kept: WeChat Pay lists a new certificate before it takes effect; it is used from then on.
      }
      certificates.add(certificate);
    }
    if (certificates.isEmpty()) {
      throw new WechatPayException("every platform certificate in the v3/certificates answer has expired");
    }
    return certificates;
  }
}
