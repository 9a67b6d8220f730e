package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import dev.wxpay.runtime.internal.crypto.CertificateSerials;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureSpi;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link WechatPay#keyStatus()}: what an instance verifies with, and how its certificate downloads went. */
class KeyStatusTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String KEY_ID = "PUB_KEY_ID_0119000000012025";
  private static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
  private static final String NONCE = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";

  private static WechatPay.Builder merchant() {
    return WechatPay.builder().merchant("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate()).clock(CLOCK);
  }

  @Test
  void publicKeyModeShowsTheKeyIdAndNoCertificates() {
    KeyStatus status = merchant().wechatpayPublicKey(KEY_ID, TestKeys.WECHATPAY.getPublic()).build().keyStatus();

    assertEquals(NOW, status.at());
    assertEquals("RSA 2048", status.merchantKey());
    assertTrue(status.merchantKeyUsable());
    assertNull(status.merchantKeyProblem());
    assertEquals(KEY_ID, status.publicKeyId());
    assertEquals(List.of(), status.certificates());
    assertFalse(status.downloadsCertificates());
    assertNull(status.lastRefresh());
    assertNull(status.lastRefreshFailure());
    assertNull(status.earliestExpiry(), "a public key does not expire");
    assertTrue(status.hasUsableKey());
    assertTrue(status.hasUsableKeyAt(NOW.plus(Duration.ofDays(100_000))));
  }

  @Test
  void givenCertificatesAreListedWithTheirValidity() throws Exception {
    X509Certificate expired = VerificationKeysTest.certificate(TestKeys.rsa(), BigInteger.valueOf(0x0A),
        NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
    X509Certificate current = VerificationKeysTest.certificate(TestKeys.rsa(), BigInteger.valueOf(0x0B),
        NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)));
    X509Certificate later = VerificationKeysTest.certificate(TestKeys.rsa(), BigInteger.valueOf(0x0C),
        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)));

    KeyStatus status = merchant().platformCertificate(later).platformCertificate(expired)
        .platformCertificate(current).build().keyStatus();

    assertNull(status.publicKeyId());
    assertFalse(status.downloadsCertificates());
    assertEquals(List.of(
        new KeyStatus.Certificate("0A", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))),
        new KeyStatus.Certificate("0B", NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30))),
        new KeyStatus.Certificate("0C", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)))),
        status.certificates(), "oldest first");
    assertEquals(NOW.plus(Duration.ofDays(30)), status.earliestExpiry(), "the expired one no longer counts");
    assertTrue(status.hasUsableKey());
    assertTrue(status.hasUsableKeyAt(NOW.plus(Duration.ofDays(399))));
    assertFalse(status.hasUsableKeyAt(NOW.plus(Duration.ofDays(401))));
    assertFalse(status.hasUsableKeyAt(NOW.minus(Duration.ofDays(401))));
  }

  @Test
  void onlyExpiredCertificatesLeaveNoUsableKey() throws Exception {
    X509Certificate expired = VerificationKeysTest.certificate(TestKeys.rsa(), BigInteger.valueOf(0x0A),
        NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofSeconds(1)));

    KeyStatus status = merchant().platformCertificate(expired).build().keyStatus();

    assertFalse(status.hasUsableKey());
    assertNull(status.earliestExpiry());
    assertEquals(1, status.certificates().size());
  }

  @Test
  void downloadsAndAFailedRefreshShowUpAndTheCertificatesStay() throws Exception {
    KeyPair platform = TestKeys.rsa();
    X509Certificate certificate = VerificationKeysTest.certificate(platform, new BigInteger("7A1B2C3D4E5F", 16),
        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    CertificateServer server = new CertificateServer(platform, certificate);
    CountDownLatch failed = new CountDownLatch(1);

    try (WechatPay wxpay = merchant().platformCertificates(API_V3_KEY).transport(server)
        .certificateRefreshInterval(Duration.ofMillis(50)).onCertificateRefreshFailure(failure -> failed.countDown())
        .build()) {
      KeyStatus downloaded = wxpay.keyStatus();
      assertTrue(downloaded.downloadsCertificates());
      assertEquals(NOW, downloaded.lastRefresh());
      assertNull(downloaded.lastRefreshFailure());
      assertEquals(List.of(new KeyStatus.Certificate("7A1B2C3D4E5F", NOW.minus(Duration.ofDays(1)),
          NOW.plus(Duration.ofDays(365)))), downloaded.certificates());

      server.failing.set(true);
      assertTrue(failed.await(10, TimeUnit.SECONDS), "the scheduled refresh failed");

      KeyStatus afterFailure = wxpay.keyStatus();
      KeyStatus.RefreshFailure failure = afterFailure.lastRefreshFailure();
      assertNotNull(failure);
      assertEquals(NOW, failure.at());
      assertEquals("ServiceException: HTTP 503 SYSTEM_ERROR: try again later (Request-ID 08F2A1)", failure.message());
      assertEquals(NOW, afterFailure.lastRefresh(), "the last success is still known");
      assertEquals(downloaded.certificates(), afterFailure.certificates(), "the certificates in use are kept");
      assertTrue(afterFailure.hasUsableKey());
      assertFalse(afterFailure.toString().contains(API_V3_KEY), afterFailure.toString());
    }
  }

  @Test
  void aMerchantKeyThatNoLongerSignsIsReported() {
    Switchable provider = new Switchable();
    WechatPay wxpay = merchant().wechatpayPublicKey(KEY_ID, TestKeys.WECHATPAY.getPublic()).rsaProvider(provider)
        .build();
    assertTrue(wxpay.keyStatus().merchantKeyUsable());

    provider.broken.set(true);
    KeyStatus status = wxpay.keyStatus();

    assertFalse(status.merchantKeyUsable());
    assertEquals("RSA cannot sign with the merchant key: IllegalArgumentException", status.merchantKeyProblem());
    assertTrue(status.hasUsableKey(), "verification is another matter");
    for (String fragment : TestKeys.fragments(TestKeys.MERCHANT.getPrivate().getEncoded())) {
      assertFalse(status.toString().contains(fragment), status.toString());
    }
  }

  @Test
  void anSm2MerchantKeyIsNamedWithoutASize() {
    KeyPair merchant = TestKeys.sm2();
    KeyStatus status = WechatPay.builder().merchant("1900000001", "SERIAL", merchant.getPrivate())
        .wechatpayPublicKey(KEY_ID, TestKeys.sm2().getPublic()).build().keyStatus();
    assertEquals("SM2", status.merchantKey());
    assertTrue(status.merchantKeyUsable());
  }

  /**
   * Answers {@code GET v3/certificates} with the certificate encrypted under the APIv3 key and the list signed
   * by the platform key; once {@link #failing}, a 503 instead.
   */
  private static final class CertificateServer implements HttpTransport {
    final AtomicBoolean failing = new AtomicBoolean();
    private final KeyPair platform;
    private final String serial;
    private final byte[] list;

    CertificateServer(KeyPair platform, X509Certificate certificate) throws Exception {
      this.platform = platform;
      this.serial = CertificateSerials.serialNo(certificate);
      String pem = TestKeys.pem("CERTIFICATE", certificate.getEncoded());
      this.list = ("{\"data\":[{\"serial_no\":\"" + serial + "\",\"effective_time\":\"2025-12-31T00:00:00+00:00\","
          + "\"expire_time\":\"2027-01-01T00:00:00+00:00\",\"encrypt_certificate\":{\"algorithm\":"
          + "\"AEAD_AES_256_GCM\",\"nonce\":\"61f9c719728a\",\"associated_data\":\"certificate\",\"ciphertext\":\""
          + NotificationFuzzTest.encrypt(false, "61f9c719728a", "certificate", pem.getBytes(StandardCharsets.UTF_8))
          + "\"}}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public TransportResponse send(TransportRequest request) {
      Map<String, String> headers = new HashMap<>();
      headers.put("request-id", "08F2A1");
      if (failing.get()) {
        byte[] error = "{\"code\":\"SYSTEM_ERROR\",\"message\":\"try again later\"}".getBytes(StandardCharsets.UTF_8);
        return TransportResponse.of(503, name -> headers.get(name.toLowerCase(Locale.ROOT)), error);
      }
      String timestamp = Long.toString(NOW.getEpochSecond());
      byte[] message = (timestamp + "\n" + NONCE + "\n" + new String(list, StandardCharsets.UTF_8) + "\n")
          .getBytes(StandardCharsets.UTF_8);
      headers.put("wechatpay-timestamp", timestamp);
      headers.put("wechatpay-nonce", NONCE);
      headers.put("wechatpay-serial", serial);
      headers.put("wechatpay-signature", TestKeys.sign(platform.getPrivate(), message));
      return TransportResponse.of(200, name -> headers.get(name.toLowerCase(Locale.ROOT)), list);
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      return CompletableFuture.completedFuture(send(request));
    }
  }

  /** SHA256withRSA through the JDK's provider until {@link #broken}; then no key is accepted. */
  static final class Switchable extends Provider {
    private static final long serialVersionUID = 1L;
    final AtomicBoolean broken = new AtomicBoolean();

    Switchable() {
      super("Switchable", "1", "fails when broken");
      putService(new Service(this, "Signature", "SHA256withRSA", SwitchableSpi.class.getName(), null, null) {
        @Override
        public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
          return new SwitchableSpi(Signature.getInstance("SHA256withRSA"), broken);
        }
      });
    }
  }

  static final class SwitchableSpi extends SignatureSpi {
    private final Signature delegate;
    private final AtomicBoolean broken;

    SwitchableSpi(Signature delegate, AtomicBoolean broken) {
      this.delegate = delegate;
      this.broken = broken;
    }

    @Override
    protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
      delegate.initVerify(key);
    }

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
      if (broken.get()) {
        throw new InvalidKeyException("the token holding the key is gone");
      }
      delegate.initSign(key);
    }

    @Override
    protected void engineUpdate(byte b) throws java.security.SignatureException {
      delegate.update(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) throws java.security.SignatureException {
      delegate.update(b, off, len);
    }

    @Override
    protected byte[] engineSign() throws java.security.SignatureException {
      return delegate.sign();
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) throws java.security.SignatureException {
      return delegate.verify(sigBytes);
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new UnsupportedOperationException();
    }
  }
}
