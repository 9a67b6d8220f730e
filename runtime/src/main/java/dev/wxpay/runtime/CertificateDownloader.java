package dev.wxpay.runtime;

import com.squareup.moshi.JsonReader;
import dev.wxpay.runtime.internal.crypto.ApiV3Key;
import dev.wxpay.runtime.internal.crypto.CertificateSerials;
import dev.wxpay.runtime.internal.crypto.DecryptionException;
import dev.wxpay.runtime.internal.crypto.PemKeys;
import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import dev.wxpay.runtime.spi.Call;
import dev.wxpay.annotations.rules.PathTemplate;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Downloads the platform certificates ({@code GET v3/certificates}): decrypts each
 * {@code encrypt_certificate} with the APIv3 key, parses it, checks that its serial is the one listed and
 * that it is valid now, and verifies the download itself with the certificate the answer names in
 * {@code Wechatpay-Serial} (or the public key, in mixed mode). Only then are the certificates used.
 */
final class CertificateDownloader {
  private static final PathTemplate PATH = PathTemplate.parse("v3/certificates");

  private final Pipeline pipeline;
  private final VerificationKeys keys;
  private final ApiV3Key apiV3Key;
  private final Clock clock;
  private final SignatureScheme scheme;

  CertificateDownloader(
      Pipeline pipeline, VerificationKeys keys, ApiV3Key apiV3Key, Clock clock, SignatureScheme scheme) {
    this.pipeline = pipeline;
    this.scheme = scheme;
    this.keys = keys;
    this.apiV3Key = apiV3Key;
    this.clock = clock;
  }

  /**
   * Downloads, checks and installs the certificates.
   *
   * @throws WechatPayException (a {@link ServiceException}, {@link TransportException} or
   *     {@link ValidationException}) if anything fails; the certificates in use are then unchanged
   */
  List<X509Certificate> refresh() {
    // WeChat Pay lists RSA certificates unless asked for another kind.
    Pipeline.Prepared prepared = pipeline.prepare(
        Call.withoutResponse("GET", PATH).query("algorithm_type", scheme.name()).build());
    HttpResponse<byte[]> response = pipeline.send(prepared);
    byte[] body = response.body() == null ? new byte[0] : response.body();
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      throw ServiceErrors.parse(response.statusCode(), body,
          response.headers().firstValue("Request-ID").orElse(null));
    }
    List<X509Certificate> downloaded = parse(body);
    // The certificates authenticate the answer that brought them: the APIv3 key, known only to the
    // merchant and WeChat Pay, decrypted them, and the answer must be signed by one of them.
    new ResponseVerifier(keys.withCertificates(downloaded), clock).verify(response.headers(), body);
    keys.replaceCertificates(downloaded);
    return downloaded;
  }

  private List<X509Certificate> parse(byte[] body) {
    Object json;
    try {
      json = JsonReader.of(new Buffer().write(body)).readJsonValue();
    } catch (IOException | RuntimeException e) {
      throw new WechatPayException("the v3/certificates answer is not JSON: " + e.getMessage(), e);
    }
    if (!(json instanceof Map<?, ?> root) || !(root.get("data") instanceof List<?> data) || data.isEmpty()) {
      throw new WechatPayException("the v3/certificates answer lists no certificates");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object item : data) {
      if (!(item instanceof Map<?, ?> entry)
          || !(entry.get("serial_no") instanceof String serial)
          || !(entry.get("encrypt_certificate") instanceof Map<?, ?> encrypted)) {
        throw new WechatPayException("a v3/certificates entry lacks serial_no or encrypt_certificate");
      }
      String pem;
      try {
        pem = apiV3Key.decryptToString(
            text(encrypted, "algorithm"), text(encrypted, "nonce"), text(encrypted, "associated_data"),
            text(encrypted, "ciphertext"));
      } catch (DecryptionException e) {
        throw ValidationException.of(e);
      }
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

  private static String text(Map<?, ?> object, String name) {
    Object value = object.get(name);
    if (!(value instanceof String text)) {
      throw new WechatPayException("encrypt_certificate lacks " + name);
    }
    return text;
  }
}
