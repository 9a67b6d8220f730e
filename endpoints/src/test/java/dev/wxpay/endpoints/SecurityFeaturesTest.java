package dev.wxpay.endpoints;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.endpoints.common.CommonApi;
import dev.wxpay.endpoints.testing.Payee;
import dev.wxpay.endpoints.testing.Payees;
import dev.wxpay.endpoints.testing.TransferNotice;
import dev.wxpay.endpoints.testing.TransferNoticeJsonAdapter;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.Restart;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartRequest;
import dev.wxpay.runtime.Notification;
import dev.wxpay.runtime.SignatureProbeException;
import dev.wxpay.runtime.TestKeys;
import dev.wxpay.runtime.Upload;
import dev.wxpay.runtime.ValidationException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.WechatPayException;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.SandboxAlgorithm;
import dev.wxpay.testkit.SandboxNotification;
import dev.wxpay.testkit.SandboxVerification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 3's features end to end: the runtime against the sandbox in each of its modes. */
class SecurityFeaturesTest {
  private static final String RESTART = "/v3/marketing/favor/stocks/9856000/restart";
  private static final String OK = "{\"stock_id\":\"9856000\",\"restart_time\":\"2015-05-20T13:29:35+08:00\"}";
  private static final RestartRequest BODY = new RestartRequest("8956000");

  @ParameterizedTest
  @CsvSource({"RSA,PUBLIC_KEY", "RSA,CERTIFICATE", "RSA,MIXED", "SM2,PUBLIC_KEY", "SM2,CERTIFICATE", "SM2,MIXED"})
  void everyAlgorithmAndVerificationMode(SandboxAlgorithm algorithm, SandboxVerification verification) {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder()
        .algorithm(algorithm).verification(verification).start()) {
      sandbox.stub("POST", RESTART, StubResponse.json(OK));
      try (WechatPay wxpay = sandbox.client()) {
        assertEquals("9856000", wxpay.create(Restart.class).post("9856000", BODY).stockId());
      }
      List<RecordedRequest> requests = sandbox.requests();
      for (RecordedRequest request : requests) {
        assertTrue(request.signatureValid(), request.rejection());
        assertTrue(request.header("Authorization").startsWith(algorithm.scheme() + " "),
            request.header("Authorization"));
      }
      RecordedRequest call = requests.get(requests.size() - 1);
      if (verification == SandboxVerification.PUBLIC_KEY) {
        assertEquals(1, requests.size());
        assertEquals(sandbox.wechatpayPublicKeyId(), call.header("Wechatpay-Serial"));
      } else {
        assertEquals("/v3/certificates?algorithm_type=" + algorithm, requests.get(0).uri());
        assertEquals(verification == SandboxVerification.MIXED
            ? sandbox.wechatpayPublicKeyId() : sandbox.platformCertificateSerial(), call.header("Wechatpay-Serial"));
      }
    }
  }

  @Test
  void mixedModeVerifiesEachAnswerWithTheKeyItNames() {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().verification(SandboxVerification.MIXED).start();
        WechatPay wxpay = sandbox.client()) {
      Restart restart = wxpay.create(Restart.class);
      sandbox.stub("POST", RESTART, StubResponse.json(OK).signedWithCertificate());
      assertEquals("9856000", restart.post("9856000", BODY).stockId());
      sandbox.stub("POST", RESTART, StubResponse.json(OK));
      assertEquals("9856000", restart.post("9856000", BODY).stockId());
      sandbox.stub("POST", RESTART, StubResponse.json(OK).serial("PUB_KEY_ID_0000000000000000000000000"));
      ValidationException unknown = assertThrows(ValidationException.class, () -> restart.post("9856000", BODY));
      assertEquals(ValidationException.Reason.UNKNOWN_SERIAL, unknown.reason());
    }
  }

  @Test
  void rotatedCertificatesArriveWithTheBackgroundRefresh() throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start();
        WechatPay wxpay = sandbox.clientBuilder().certificateRefreshInterval(Duration.ofMillis(100)).build()) {
      Restart restart = wxpay.create(Restart.class);
      String first = sandbox.platformCertificateSerial();
      sandbox.rotateCertificate();
      assertNotEquals(first, sandbox.platformCertificateSerial());
      sandbox.stub("POST", RESTART, StubResponse.json(OK));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        try {
          assertEquals("9856000", restart.post("9856000", BODY).stockId());
          break;
        } catch (ValidationException e) {
          assertEquals(ValidationException.Reason.UNKNOWN_SERIAL, e.reason());
          assertTrue(System.nanoTime() < deadline, "the new certificate never arrived");
          Thread.sleep(50);
        }
      }
    }
  }

  @Test
  void aFailedRefreshIsReportedAndTheOldCertificatesStay() throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start()) {
      List<WechatPayException> failures = new CopyOnWriteArrayList<>();
      try (WechatPay wxpay = sandbox.clientBuilder()
          .certificateRefreshInterval(Duration.ofMillis(50))
          .onCertificateRefreshFailure(failures::add)
          .build()) {
        sandbox.stub("GET", "/v3/certificates", StubResponse.error(500, "SYSTEM_ERROR", "系统繁忙"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (failures.isEmpty()) {
          assertTrue(System.nanoTime() < deadline, "no failure reported");
          Thread.sleep(20);
        }
        sandbox.stub("POST", RESTART, StubResponse.json(OK));
        assertEquals("9856000", wxpay.create(Restart.class).post("9856000", BODY).stockId());
        assertTrue(failures.get(0).getMessage().contains("SYSTEM_ERROR"), failures.get(0).getMessage());
      }
    }
  }

  @Test
  void aCertificateDownloadThatIsNoCertificateListFailsTheBuildNamingTheProblem() {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start()) {
      // Signed like any answer, but with the certificates it would need missing: decoded by the
      // generated adapter, which names the JSON path, before anything could verify it.
      sandbox.stub("GET", "/v3/certificates", StubResponse.json("{\"data\":[{\"serial_no\":\"5157F09E\"}]}"));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> sandbox.clientBuilder().build());
      assertTrue(e.getMessage().contains("the v3/certificates answer is not a certificate list")
          && e.getMessage().contains("encrypt_certificate"), e.getMessage());
      assertInstanceOf(WechatPayException.class, e.getCause());
    }
  }

  @Test
  void givenCertificatesVerifyWithoutADownload() {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start();
        WechatPay wxpay = WechatPay.builder()
            .merchant(sandbox.mchid(), sandbox.merchantSerialNo(), sandbox.merchantPrivateKeyPem())
            .platformCertificate(sandbox.platformCertificatePem())
            .baseUri(sandbox.baseUri())
            .build()) {
      sandbox.stub("POST", RESTART, StubResponse.json(OK));
      assertEquals("9856000", wxpay.create(Restart.class).post("9856000", BODY).stockId());
      assertEquals(1, sandbox.requests().size(), "no v3/certificates download");
      sandbox.rotateCertificate();
      ValidationException unknown = assertThrows(ValidationException.class,
          () -> wxpay.create(Restart.class).post("9856000", BODY));
      assertEquals(ValidationException.Reason.UNKNOWN_SERIAL, unknown.reason());
    }
  }

  @Test
  void refreshGoesOnAfterAnUnusableAnswer() throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start()) {
      List<WechatPayException> failures = new CopyOnWriteArrayList<>();
      try (WechatPay wxpay = sandbox.clientBuilder()
          .certificateRefreshInterval(Duration.ofMillis(50))
          .onCertificateRefreshFailure(failures::add)
          .build()) {
        sandbox.stub("GET", "/v3/certificates", StubResponse.json("{\"data\":[{\"serial_no\":\"01\","
            + "\"encrypt_certificate\":{\"algorithm\":\"AEAD_CHACHA20\",\"nonce\":\"n\","
            + "\"associated_data\":\"certificate\",\"ciphertext\":\"AAAA\"}}]}"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (failures.size() < 2) {
          assertTrue(System.nanoTime() < deadline, "refreshes stopped after " + failures);
          Thread.sleep(20);
        }
        ValidationException first = (ValidationException) failures.get(0);
        assertEquals(ValidationException.Reason.UNSUPPORTED_ALGORITHM, first.reason());
        sandbox.clearStubs();
        sandbox.clear();
        Thread.sleep(300);
        assertTrue(sandbox.requests().stream().anyMatch(r -> r.rawPath().equals("/v3/certificates")),
            "the refresh still runs");
        assertEquals(sandbox.mchid(), wxpay.mchid());
      }
    }
  }

  @Test
  void aWrongApiV3KeyFailsTheBuildClearly() {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().verification(SandboxVerification.CERTIFICATE).start()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> sandbox.clientBuilder()
          .platformCertificates("00000000000000000000000000000000").build());
      assertTrue(e.getMessage().contains("APIv3 key"), e.getMessage());
      assertFalse(e.getMessage().contains(sandbox.apiV3Key()));
    }
  }

  @Test
  void sensitiveFieldsAreEncryptedForWechatPayAndDecryptedForTheMerchant() throws Exception {
    KeyPair wechatpay = TestKeys.rsa();
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().wechatpayKeyPair(wechatpay).start();
        WechatPay wxpay = sandbox.client()) {
      List<String> received = new ArrayList<>();
      sandbox.stub("POST", "/v3/testing/payees", request -> {
        String body = request.bodyAsString();
        received.add(body);
        String name = body.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
        return StubResponse.json("{\"openid\":\"o1\",\"name\":\"" + encrypt(sandbox.merchantPublicKey(), decrypt(
            wechatpay.getPrivate(), name) + "!") + "\"}");
      });

      Payee answer = wxpay.create(Payees.class).post(new Payee("o1", "张三", null));

      assertEquals("张三!", answer.name(), "decrypted with the merchant key");
      assertFalse(received.get(0).contains("张三"), "never sent in the clear");
      assertEquals(sandbox.wechatpayPublicKeyId(), sandbox.lastRequest().header("Wechatpay-Serial"));
      assertFalse(answer.toString().contains("张三"));
    }
  }

  @Test
  void inCertificateModeSensitiveFieldsUseTheCertificateTheCallNames() throws Exception {
    KeyPair platform = TestKeys.rsa();
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder()
            .verification(SandboxVerification.CERTIFICATE).wechatpayKeyPair(platform).start();
        WechatPay wxpay = sandbox.client()) {
      sandbox.stub("POST", "/v3/testing/payees", request -> StubResponse.json("{\"openid\":\"o1\",\"name\":\""
          + encrypt(sandbox.merchantPublicKey(), decrypt(platform.getPrivate(),
              request.bodyAsString().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1"))) + "\"}"));

      assertEquals("李四", wxpay.create(Payees.class).post(new Payee("o1", "李四", null)).name());
      assertEquals(sandbox.platformCertificateSerial(), sandbox.lastRequest().header("Wechatpay-Serial"));
    }
  }

  @ParameterizedTest
  @CsvSource({"RSA", "SM2"})
  void notificationsAreVerifiedAndDecrypted(SandboxAlgorithm algorithm) {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().algorithm(algorithm).start();
        WechatPay wxpay = sandbox.client()) {
      String resource = "{\"out_trade_no\":\"1217752501201407033233368018\",\"trade_state\":\"SUCCESS\"}";
      SandboxNotification notification = sandbox.notification("TRANSACTION.SUCCESS", "支付成功", resource);

      Notification parsed = wxpay.notifications().parse(notification.headers()::get, notification.body());

      assertEquals("TRANSACTION.SUCCESS", parsed.eventType());
      assertEquals(resource, parsed.resourceJson());
      SandboxNotification probe = notification.signTestProbe();
      assertThrows(SignatureProbeException.class,
          () -> wxpay.notifications().parse(probe.headers()::get, probe.body()));
      SandboxNotification tampered = notification.tamperBody();
      assertThrows(ValidationException.class,
          () -> wxpay.notifications().parse(tampered.headers()::get, tampered.body()));
      SandboxNotification skewed = notification.skewTimestamp(Duration.ofMinutes(6));
      assertThrows(ValidationException.class,
          () -> wxpay.notifications().parse(skewed.headers()::get, skewed.body()));
    }
  }

  @ParameterizedTest
  @CsvSource({"RSA", "SM2"})
  void encryptedFieldsOfANotificationResourceAreDecryptedWithTheMerchantKey(SandboxAlgorithm algorithm)
      throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().algorithm(algorithm).start();
        WechatPay wxpay = sandbox.client()) {
      String ciphertext = encryptForMerchant(algorithm, sandbox.merchantPublicKey(), "王五");
      SandboxNotification notification = sandbox.notification("MCHTRANSFER.BILL.FINISHED", "转账完成",
          "{\"out_bill_no\":\"plfk2020042013\",\"user_name\":\"" + ciphertext + "\"}", "mch_payment");

      Notification parsed = wxpay.notifications().parse(notification.headers()::get, notification.body());
      TransferNotice notice = parsed.resource(TransferNoticeJsonAdapter.INSTANCE);

      assertEquals("plfk2020042013", notice.outBillNo());
      assertEquals("王五", notice.userName());
      assertFalse(parsed.toString().contains("王五") || notice.toString().contains("王五"));
    }
  }

  @ParameterizedTest
  @CsvSource({"RSA", "SM2"})
  void anEncryptedFieldThatDoesNotDecryptFailsWithoutQuotingIt(SandboxAlgorithm algorithm) throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().algorithm(algorithm).start();
        WechatPay wxpay = sandbox.client()) {
      PublicKey stranger = algorithm == SandboxAlgorithm.SM2 ? TestKeys.sm2().getPublic() : TestKeys.rsa().getPublic();
      String ciphertext = encryptForMerchant(algorithm, stranger, "王五");
      SandboxNotification notification = sandbox.notification("MCHTRANSFER.BILL.FINISHED", "转账完成",
          "{\"out_bill_no\":\"plfk2020042013\",\"user_name\":\"" + ciphertext + "\"}", "mch_payment");
      Notification parsed = wxpay.notifications().parse(notification.headers()::get, notification.body());

      ValidationException e = assertThrows(ValidationException.class,
          () -> parsed.resource(TransferNoticeJsonAdapter.INSTANCE));

      assertEquals(ValidationException.Reason.DECRYPTION_FAILED, e.reason());
      assertFalse(e.getMessage().contains("王五"), e.getMessage());
      assertFalse(e.getMessage().contains(ciphertext.substring(0, 16)), e.getMessage());
    }
  }

  /**
   * What WeChat Pay puts in an @Encrypted field for the merchant, made here without the runtime: RSA-OAEP
   * (SHA-1, MGF1) with the JDK's own Cipher, or SM2 (C1C3C2, GM/T 0009 DER) with Bouncy Castle's engine.
   */
  private static String encryptForMerchant(SandboxAlgorithm algorithm, PublicKey key, String text)
      throws Exception {
    if (algorithm == SandboxAlgorithm.RSA) {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
      cipher.init(Cipher.ENCRYPT_MODE, key);
      return Base64.getEncoder().encodeToString(cipher.doFinal(text.getBytes(UTF_8)));
    }
    byte[] der = TestKeys.sm2Encrypt(key, text.getBytes(UTF_8));
    return Base64.getEncoder().encodeToString(der);
  }

  @Test
  void uploadSignsTheMetaAndSendsTheFile() {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start(); WechatPay wxpay = sandbox.client()) {
      sandbox.stub("POST", "/v3/merchant/media/upload", StubResponse.json("{\"media_id\":\"6uqyGjGrCf2GtyXP8bxrbuH9\"}"));
      byte[] image = new byte[3000];
      for (int i = 0; i < image.length; i++) {
        image[i] = (byte) (i * 31);
      }
      image[100] = '\r';
      image[101] = '\n';

      String mediaId = CommonApi.of(wxpay).v3().merchant().media().upload().post(Upload.of("logo.png", image))
          .mediaId();

      assertEquals("6uqyGjGrCf2GtyXP8bxrbuH9", mediaId);
      RecordedRequest request = sandbox.lastRequest();
      assertTrue(request.signatureValid(), request.rejection());
      assertArrayEquals(image, request.uploadFile());
      assertTrue(request.uploadMeta().startsWith("{\"filename\":\"logo.png\",\"sha256\":\""), request.uploadMeta());
    }
  }

  @Test
  void aFileNameThatJsonMustEscapeIsSignedAsSentAndReadBack() {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start(); WechatPay wxpay = sandbox.client()) {
      sandbox.stub("POST", "/v3/merchant/media/upload", StubResponse.json("{\"media_id\":\"m1\"}"));

      wxpay.create(dev.wxpay.endpoints.v3.merchant.media.Upload.class)
          .post(Upload.of("门店\\照片\t1.png", new byte[] {1, 2, 3}));

      RecordedRequest request = sandbox.lastRequest();
      assertTrue(request.signatureValid(), request.rejection());
      assertTrue(request.uploadMeta().startsWith("{\"filename\":\"门店\\\\照片\\t1.png\",\"sha256\":\""),
          request.uploadMeta());
    }
  }

  @Test
  void thirtyTwoThreadsShareOneClient() throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start(); WechatPay wxpay = sandbox.client()) {
      sandbox.stub("POST", RESTART, StubResponse.json(OK));
      Restart restart = wxpay.create(Restart.class);
      ExecutorService pool = Executors.newFixedThreadPool(32);
      AtomicInteger done = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      int perThread = 64;
      for (int t = 0; t < 32; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            assertEquals("9856000", restart.post("9856000", BODY).stockId());
            done.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(32 * perThread, done.get());
      List<RecordedRequest> requests = sandbox.requests();
      assertEquals(32 * perThread, requests.size());
      assertTrue(requests.stream().allMatch(RecordedRequest::signatureValid));
      assertEquals(requests.size(), requests.stream().map(r -> r.authorization().get("nonce_str")).distinct().count(),
          "every request has its own nonce");
    }
  }

  private static final OAEPParameterSpec OAEP = new OAEPParameterSpec(
      "SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);

  /** RSA-OAEP with the JDK directly, as WeChat Pay encrypts for the merchant. */
  private static String encrypt(PublicKey key, String text) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, OAEP);
      return Base64.getEncoder().encodeToString(cipher.doFinal(text.getBytes(UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String decrypt(PrivateKey key, String base64) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, OAEP);
      return new String(cipher.doFinal(Base64.getDecoder().decode(base64)), UTF_8);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
