package dev.wxpay.runtime;

import static dev.wxpay.runtime.Fuzz.documented;

import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import dev.wxpay.runtime.internal.crypto.CertificateSerials;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Hostile {@code v3/certificates} answers into {@code build()} with downloaded platform certificates: the
 * list altered and signed again with the platform key, the certificate inside altered and encrypted again
 * with the APIv3 key, so that the alterations reach the JSON, the AEAD and the certificate parser.
 * Documented: {@link IllegalStateException} caused by a {@link WechatPayException}.
 */
class CertificateDownloadFuzzTest {
  private static final long NOW = 1_700_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  private static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
  private static final KeyPair PLATFORM = TestKeys.WECHATPAY;
  private static final X509Certificate CERTIFICATE = certificate();
  private static final String SERIAL = CertificateSerials.serialNo(CERTIFICATE);

  private static X509Certificate certificate() {
    try {
      X500Name name = new X500Name("CN=Tenpay.com Root CA");
      Instant now = Instant.ofEpochSecond(NOW);
      return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
          new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", 16), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(Duration.ofDays(365))), name, PLATFORM.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(PLATFORM.getPrivate())));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String list(String certificatePem) throws Exception {
    return "{\"data\":[{\"serial_no\":\"" + SERIAL + "\",\"effective_time\":\"2023-11-13T22:13:20+00:00\","
        + "\"expire_time\":\"2024-11-13T22:13:20+00:00\",\"encrypt_certificate\":{\"algorithm\":\"AEAD_AES_256_GCM\","
        + "\"nonce\":\"61f9c719728a\",\"associated_data\":\"certificate\",\"ciphertext\":\""
        + NotificationFuzzTest.encrypt(false, "61f9c719728a", "certificate", certificatePem.getBytes(StandardCharsets.UTF_8))
        + "\"}}]}";
  }

  static byte[] answer(Random random) {
    try {
      String pem = TestKeys.pem("CERTIFICATE", CERTIFICATE.getEncoded());
      return switch (random.nextInt(4)) {
        case 0 -> JsonFuzzTest.json(random, list(pem)); // the list altered
        case 1 -> list(FuzzInputs.mutate(random, pem)).getBytes(StandardCharsets.UTF_8); // the PEM text
        case 2 -> list(TestKeys.pem("CERTIFICATE", FuzzInputs.mutate(random, CERTIFICATE.getEncoded())))
            .getBytes(StandardCharsets.UTF_8); // the certificate's DER
        default -> FuzzInputs.mutateJson(random, list(pem));
      };
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Answers every request with {@code body}, signed with the platform key under the certificate's serial. */
  private record Answering(byte[] body) implements HttpTransport {
    @Override
    public TransportResponse send(TransportRequest request) {
      String nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
      byte[] head = (NOW + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] message = FuzzInputs.concat(FuzzInputs.concat(head, body), new byte[] {'\n'});
      Map<String, String> headers = new HashMap<>();
      headers.put("wechatpay-timestamp", Long.toString(NOW));
      headers.put("wechatpay-nonce", nonce);
      headers.put("wechatpay-serial", SERIAL);
      headers.put("wechatpay-signature", TestKeys.sign(PLATFORM.getPrivate(), message));
      return TransportResponse.of(200, name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)), body);
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      return CompletableFuture.completedFuture(send(request));
    }

    @Override
    public void close() {}
  }

  @Test
  void certificateDownloadAnswers() {
    Fuzz.forAllBytes("CertificateDownloader", 400, CertificateDownloadFuzzTest::answer, body -> {
      WechatPay wxpay;
      try {
        wxpay = WechatPay.builder()
            .merchant("1900000001", "MERCHANT_SERIAL", TestKeys.MERCHANT.getPrivate())
            .platformCertificates(API_V3_KEY)
            .transport(new Answering(body))
            .clock(CLOCK)
            .build();
      } catch (IllegalStateException e) {
        // build() documents a failed download as an IllegalStateException caused by the WechatPayException.
        throw e.getCause() instanceof WechatPayException cause ? cause : e;
      }
      wxpay.close();
    }, documented(WechatPayException.class));
  }

  @Test
  void theUnalteredAnswerInstallsTheCertificate() throws Exception {
    byte[] body = list(TestKeys.pem("CERTIFICATE", CERTIFICATE.getEncoded())).getBytes(StandardCharsets.UTF_8);
    WechatPay.builder().merchant("1900000001", "MERCHANT_SERIAL", TestKeys.MERCHANT.getPrivate())
        .platformCertificates(API_V3_KEY).transport(new Answering(body)).clock(CLOCK).build().close();
  }
}
