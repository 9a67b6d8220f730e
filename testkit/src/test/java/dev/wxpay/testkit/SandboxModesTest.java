package dev.wxpay.testkit;

import static dev.wxpay.testkit.WireAssertions.assertError;
import static dev.wxpay.testkit.WireAssertions.bodyOf;
import static dev.wxpay.testkit.WireAssertions.header;
import static dev.wxpay.testkit.WireAssertions.responseVerifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SandboxModesTest {
  private static final String PATH = "/v3/pay/transactions/id/42";

  @Test
  void sm2ModeAcceptsSm2SignedRequestsAndSignsWithSm2() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sm2Sandbox().start()) {
      sandbox.stub("GET", PATH, StubResponse.json("{\"ok\":true}"));
      HttpResponse<byte[]> response =
          MerchantRequest.to(sandbox).get(PATH + "?mchid=1").sm2(TestKeys.MERCHANT_SM2.getPrivate()).send();
      assertEquals(200, response.statusCode(), bodyOf(response));
      assertTrue(sandbox.lastRequest().signatureValid());
      assertEquals("WECHATPAY2-SM2-WITH-SM3", header(response, "Wechatpay-Signature-Type"));
      assertEquals(sandbox.wechatpayPublicKeyId(), header(response, "Wechatpay-Serial"));
      assertTrue(responseVerifies(TestKeys.WECHATPAY_SM2.getPublic(), response));
      // The signature is DER: SEQUENCE { INTEGER r, INTEGER s }.
      byte[] der = java.util.Base64.getDecoder().decode(header(response, "Wechatpay-Signature"));
      assertEquals(0x30, der[0] & 0xff);
      assertEquals(SandboxAlgorithm.SM2, sandbox.algorithm());
    }
  }

  @Test
  void sm2ModeRefusesRsaRequestsAndSm2SignaturesByTheWrongKey() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sm2Sandbox().start()) {
      sandbox.stub("GET", PATH, StubResponse.json("{}"));
      HttpResponse<byte[]> rsa = MerchantRequest.to(sandbox).get(PATH).key(TestKeys.MERCHANT.getPrivate()).send();
      assertError(rsa, 401, "SIGN_ERROR", "expected \\\"WECHATPAY2-SM2-WITH-SM3\\\"");
      assertTrue(responseVerifies(TestKeys.WECHATPAY_SM2.getPublic(), rsa));
      // The right scheme, but an RSA signature.
      HttpResponse<byte[]> rsaSignature = MerchantRequest.to(sandbox).get(PATH).key(TestKeys.MERCHANT.getPrivate())
          .scheme("WECHATPAY2-SM2-WITH-SM3").send();
      assertError(rsaSignature, 401, "SIGN_ERROR", "signature does not verify");
      HttpResponse<byte[]> stranger =
          MerchantRequest.to(sandbox).get(PATH).sm2(TestKeys.generateSm2().getPrivate()).send();
      assertError(stranger, 401, "SIGN_ERROR", "signature does not verify");
    }
  }

  @Test
  void rsaModeRefusesSm2Requests() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start()) {
      sandbox.stub("GET", PATH, StubResponse.json("{}"));
      HttpResponse<byte[]> sm2 = MerchantRequest.to(sandbox).get(PATH).sm2(TestKeys.MERCHANT_SM2.getPrivate()).send();
      assertError(sm2, 401, "SIGN_ERROR", "expected \\\"WECHATPAY2-SHA256-RSA2048\\\"");
      assertEquals("WECHATPAY2-SHA256-RSA2048", header(sm2, "Wechatpay-Signature-Type"));
    }
  }

  @Test
  void keyPairsMustFitTheAlgorithm() {
    assertThrows(IllegalArgumentException.class,
        () -> WechatPaySandbox.builder().algorithm(SandboxAlgorithm.SM2).merchantKeyPair(TestKeys.MERCHANT).start());
    assertThrows(IllegalArgumentException.class,
        () -> WechatPaySandbox.builder().wechatpayKeyPair(TestKeys.WECHATPAY_SM2).start());
    assertThrows(IllegalArgumentException.class, () -> WechatPaySandbox.builder().apiV3Key("short"));
    assertThrows(IllegalArgumentException.class,
        () -> WechatPaySandbox.builder().apiV3Key("中".repeat(11)), "33 bytes");
  }

  @Test
  void generatesSm2KeysAndAnApiV3Key() throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().algorithm(SandboxAlgorithm.SM2).start()) {
      assertEquals("EC", sandbox.merchantPublicKey().getAlgorithm());
      assertTrue(sandbox.apiV3Key().matches("[A-Za-z0-9]{32}"), sandbox.apiV3Key());
      assertTrue(sandbox.merchantPrivateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
      sandbox.stub("GET", PATH, StubResponse.json("{}"));
      HttpResponse<byte[]> response =
          MerchantRequest.to(sandbox).get(PATH).sm2(sandbox.merchantPrivateKey()).send();
      assertEquals(200, response.statusCode(), bodyOf(response));
      assertTrue(responseVerifies(sandbox.wechatpayPublicKey(), response));
    }
  }

  @Test
  void publicKeyModeHasNoCertificates() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().apiV3Key("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb").start()) {
      assertEquals("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb", sandbox.apiV3Key());
      assertEquals(List.of(), sandbox.platformCertificates());
      assertThrows(IllegalStateException.class, sandbox::platformCertificateSerial);
      assertThrows(IllegalStateException.class, sandbox::rotateCertificate);
      HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get("/v3/certificates").send();
      assertError(response, 404, "NOT_FOUND", "no stub for GET /v3/certificates");
      sandbox.stub("GET", PATH, StubResponse.json("{}").signedWithCertificate());
      assertError(MerchantRequest.to(sandbox).get(PATH).send(), 500, "SYSTEM_ERROR", "PUBLIC_KEY mode");
    }
  }

  @Test
  void certificateModeServesEncryptedCertificatesAndSignsWithTheNewest() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().verification(SandboxVerification.CERTIFICATE)
        .wechatpayKeyPair(TestKeys.WECHATPAY).start()) {
      assertThrows(IllegalStateException.class, sandbox::wechatpayPublicKeyId);
      X509Certificate first = sandbox.platformCertificates().get(0);
      assertEquals(TestKeys.WECHATPAY.getPublic(), first.getPublicKey());
      assertEquals(serialHex(first.getSerialNumber()), sandbox.platformCertificateSerial());

      HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get("/v3/certificates").send();
      assertEquals(200, response.statusCode(), bodyOf(response));
      List<X509Certificate> listed = decryptCertificates(sandbox, response, "AEAD_AES_256_GCM", "X.509");
      assertEquals(List.of(first), listed);
      assertEquals(sandbox.platformCertificateSerial(), header(response, "Wechatpay-Serial"));
      assertTrue(responseVerifies(listed.get(0).getPublicKey(), response));

      X509Certificate second = sandbox.rotateCertificate();
      assertEquals(List.of(first, second), sandbox.platformCertificates());
      assertNotEquals(first.getSerialNumber(), second.getSerialNumber());
      assertEquals(serialHex(second.getSerialNumber()), sandbox.platformCertificateSerial());
      HttpResponse<byte[]> rotated = MerchantRequest.to(sandbox).get("/v3/certificates?algorithm_type=RSA").send();
      assertEquals(List.of(first, second), decryptCertificates(sandbox, rotated, "AEAD_AES_256_GCM", "X.509"));
      assertEquals(sandbox.platformCertificateSerial(), header(rotated, "Wechatpay-Serial"));
      assertTrue(responseVerifies(second.getPublicKey(), rotated));
      assertFalse(responseVerifies(first.getPublicKey(), rotated));

      // Stubs answer with the newest certificate too, and requests may name any listed serial.
      sandbox.stub("POST", PATH, StubResponse.json("{}"));
      HttpResponse<byte[]> stubbed = MerchantRequest.to(sandbox).post(PATH, "{}")
          .header("Wechatpay-Serial", serialHex(first.getSerialNumber())).send();
      assertEquals(200, stubbed.statusCode(), bodyOf(stubbed));
      assertTrue(responseVerifies(second.getPublicKey(), stubbed));
      assertError(MerchantRequest.to(sandbox).post(PATH, "{}").header("Wechatpay-Serial", "PUB_KEY_ID_1").send(),
          400, "PARAM_ERROR", "is not a platform certificate serial");

      // WeChat Pay filters by algorithm_type: RSA by default, SM2, ALL.
      HttpResponse<byte[]> sm2Only = MerchantRequest.to(sandbox).get("/v3/certificates?algorithm_type=SM2").send();
      assertEquals("{\"data\":[]}", bodyOf(sm2Only));
      HttpResponse<byte[]> all = MerchantRequest.to(sandbox).get("/v3/certificates?algorithm_type=ALL").send();
      assertEquals(2, decryptCertificates(sandbox, all, "AEAD_AES_256_GCM", "X.509").size());
      assertError(MerchantRequest.to(sandbox).get("/v3/certificates?algorithm_type=EC").send(), 400,
          "PARAM_ERROR", "algorithm_type must be RSA, SM2 or ALL");
    }
  }

  @Test
  void aRotationWithNoticeIsListedAtOnceAndSignsFromItsEffectiveTime() throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    Clock clock = new Clock() {
      @Override public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override public Instant instant() {
        return now.get();
      }
    };
    try (WechatPaySandbox sandbox = TestKeys.sandbox().verification(SandboxVerification.CERTIFICATE).clock(clock)
        .start()) {
      X509Certificate first = sandbox.platformCertificates().get(0);
      assertThrows(IllegalArgumentException.class, () -> sandbox.rotateCertificate(Duration.ofSeconds(-1)));
      X509Certificate second = sandbox.rotateCertificate(Duration.ofMillis(29_500));
      assertEquals(now.get().truncatedTo(ChronoUnit.SECONDS).plusSeconds(30), second.getNotBefore().toInstant());
      assertEquals(serialHex(second.getSerialNumber()), sandbox.platformCertificateSerial());

      // Listed at once, so that clients download it before it signs; the first one signs meanwhile.
      HttpResponse<byte[]> before = MerchantRequest.to(sandbox).get("/v3/certificates").send();
      assertEquals(List.of(first, second), decryptCertificates(sandbox, before, "AEAD_AES_256_GCM", "X.509"));
      assertEquals(serialHex(first.getSerialNumber()), header(before, "Wechatpay-Serial"));
      assertTrue(responseVerifies(first.getPublicKey(), before));

      now.set(second.getNotBefore().toInstant().minusMillis(1));
      sandbox.stub("GET", PATH, StubResponse.json("{}"));
      HttpResponse<byte[]> stillFirst = MerchantRequest.to(sandbox).get(PATH).send();
      assertEquals(serialHex(first.getSerialNumber()), header(stillFirst, "Wechatpay-Serial"));
      assertTrue(responseVerifies(first.getPublicKey(), stillFirst));

      now.set(second.getNotBefore().toInstant());
      HttpResponse<byte[]> inEffect = MerchantRequest.to(sandbox).get(PATH).send();
      assertEquals(serialHex(second.getSerialNumber()), header(inEffect, "Wechatpay-Serial"));
      assertTrue(responseVerifies(second.getPublicKey(), inEffect));
    }
  }

  @Test
  void certificatesNeedASignedRequestAndStubsOverrideThem() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().verification(SandboxVerification.CERTIFICATE).start()) {
      assertError(MerchantRequest.to(sandbox).get("/v3/certificates").authorization("x").send(), 401, "SIGN_ERROR",
          "scheme");
      sandbox.stub("GET", "/v3/certificates", StubResponse.error(500, "SYSTEM_ERROR", "down"));
      assertError(MerchantRequest.to(sandbox).get("/v3/certificates").send(), 500, "SYSTEM_ERROR", "down");
    }
  }

  @Test
  void sm2CertificatesAreSm4Encrypted() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sm2Sandbox().verification(SandboxVerification.CERTIFICATE).start()) {
      HttpResponse<byte[]> rsaOnly =
          MerchantRequest.to(sandbox).get("/v3/certificates").sm2(TestKeys.MERCHANT_SM2.getPrivate()).send();
      assertEquals("{\"data\":[]}", bodyOf(rsaOnly), "no algorithm_type means RSA");
      HttpResponse<byte[]> response = MerchantRequest.to(sandbox).get("/v3/certificates?algorithm_type=SM2")
          .sm2(TestKeys.MERCHANT_SM2.getPrivate()).send();
      assertEquals(200, response.statusCode(), bodyOf(response));
      List<X509Certificate> listed = decryptCertificates(sandbox, response, "AEAD_SM4_GCM", "X.509");
      assertEquals(1, listed.size());
      assertEquals(TestKeys.WECHATPAY_SM2.getPublic(), listed.get(0).getPublicKey());
      assertEquals("1.2.156.10197.1.501", listed.get(0).getSigAlgOID(), "SM3withSM2");
      assertEquals(sandbox.platformCertificateSerial(), header(response, "Wechatpay-Serial"));
      assertTrue(responseVerifies(listed.get(0).getPublicKey(), response));
    }
  }

  @Test
  void mixedModeSignsWithThePublicKeyUnlessAskedForTheCertificate() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().verification(SandboxVerification.MIXED).start()) {
      sandbox.stub("GET", "/v3/a", StubResponse.json("{}"));
      sandbox.stub("GET", "/v3/b", StubResponse.json("{}").signedWithCertificate());
      HttpResponse<byte[]> a = MerchantRequest.to(sandbox).get("/v3/a").send();
      assertEquals(sandbox.wechatpayPublicKeyId(), header(a, "Wechatpay-Serial"));
      assertTrue(responseVerifies(sandbox.wechatpayPublicKey(), a));
      HttpResponse<byte[]> b = MerchantRequest.to(sandbox).get("/v3/b").send();
      assertEquals(sandbox.platformCertificateSerial(), header(b, "Wechatpay-Serial"));
      assertTrue(responseVerifies(sandbox.platformCertificates().get(0).getPublicKey(), b));
      assertFalse(responseVerifies(sandbox.wechatpayPublicKey(), b));

      HttpResponse<byte[]> certificates = MerchantRequest.to(sandbox).get("/v3/certificates").send();
      assertEquals(sandbox.wechatpayPublicKeyId(), header(certificates, "Wechatpay-Serial"));
      assertTrue(responseVerifies(sandbox.wechatpayPublicKey(), certificates));
      assertEquals(sandbox.platformCertificates(),
          decryptCertificates(sandbox, certificates, "AEAD_AES_256_GCM", "X.509"));
    }
  }

  @Test
  void certificateSerialsArePaddedUpperCaseHex() {
    assertEquals("0ABC", SandboxCrypto.serialHex(BigInteger.valueOf(0xABC)));
    assertEquals("ABCD", SandboxCrypto.serialHex(BigInteger.valueOf(0xABCD)));
    assertEquals("01", SandboxCrypto.serialHex(BigInteger.ONE));
  }

  @Test
  void certificatesAreValidFromADayAgoForFiveYears() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().verification(SandboxVerification.CERTIFICATE)
        .wechatpayKeyPair(TestKeys.WECHATPAY).start()) {
      X509Certificate certificate = sandbox.platformCertificates().get(0);
      certificate.checkValidity();
      Instant now = Instant.now();
      assertTrue(certificate.getNotBefore().toInstant().isBefore(now.minus(23, ChronoUnit.HOURS)));
      assertTrue(certificate.getNotAfter().toInstant().isAfter(now.plus(4 * 365, ChronoUnit.DAYS)));
      assertTrue(certificate.getSerialNumber().signum() > 0);
      certificate.verify(certificate.getPublicKey());
      X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
          new ByteArrayInputStream(sandbox.platformCertificatePem().getBytes(StandardCharsets.US_ASCII)));
      assertEquals(certificate, parsed);
    }
  }

  private static String serialHex(BigInteger serial) {
    String hex = serial.toString(16).toUpperCase();
    return hex.length() % 2 == 0 ? hex : "0" + hex;
  }

  /** Decrypts every listed certificate and checks its serial, times and envelope. */
  static List<X509Certificate> decryptCertificates(WechatPaySandbox sandbox, HttpResponse<byte[]> response,
      String algorithm, String certificateType) throws Exception {
    assertEquals(200, response.statusCode(), bodyOf(response));
    CertificateFactory factory = "AEAD_SM4_GCM".equals(algorithm)
        ? CertificateFactory.getInstance(certificateType, TestKeys.BC) : CertificateFactory.getInstance(certificateType);
    List<X509Certificate> certificates = new java.util.ArrayList<>();
    for (Object item : TestJson.list(TestJson.object(bodyOf(response)).get("data"))) {
      Map<String, Object> entry = TestJson.object(item);
      Map<String, Object> encrypted = TestJson.object(entry.get("encrypt_certificate"));
      assertEquals(algorithm, encrypted.get("algorithm"));
      assertEquals("certificate", encrypted.get("associated_data"));
      String nonce = (String) encrypted.get("nonce");
      assertEquals(12, nonce.length());
      String pem = TestAead.decrypt(algorithm, sandbox.apiV3Key(), nonce, "certificate",
          (String) encrypted.get("ciphertext"));
      assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"), pem);
      X509Certificate certificate = (X509Certificate) factory.generateCertificate(
          new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      assertEquals(serialHex(certificate.getSerialNumber()), entry.get("serial_no"));
      assertEquals(certificate.getNotBefore().toInstant(),
          OffsetDateTime.parse((String) entry.get("effective_time")).toInstant());
      assertEquals(certificate.getNotAfter().toInstant(),
          OffsetDateTime.parse((String) entry.get("expire_time")).toInstant());
      assertTrue(((String) entry.get("effective_time")).endsWith("+08:00"));
      certificates.add(certificate);
    }
    return certificates;
  }
}
