package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.internal.crypto.CertificateSerials;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Which key a serial finds, in public key, certificate and mixed setups. */
class VerificationKeysTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final VerificationKeys.Key PUBLIC_KEY =
      new VerificationKeys.Key("PUB_KEY_ID_0119000000012025", TestKeys.WECHATPAY.getPublic());

  static X509Certificate certificate(KeyPair keys, BigInteger serial, Instant from, Instant to) throws Exception {
    X500Name name = new X500Name("CN=Tenpay.com Root CA");
    return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
        name, serial, Date.from(from), Date.from(to), name, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
  }

  @Test
  void mixedModeFindsEachKeyByItsId() throws Exception {
    KeyPair platform = TestKeys.rsa();
    X509Certificate certificate = certificate(platform, new BigInteger("0A1B2C3D4E5F", 16),
        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    VerificationKeys keys = new VerificationKeys(PUBLIC_KEY, List.of(certificate), CLOCK);

    assertSame(TestKeys.WECHATPAY.getPublic(), keys.find("PUB_KEY_ID_0119000000012025"));
    assertEquals("0A1B2C3D4E5F", CertificateSerials.serialNo(certificate));
    assertEquals(platform.getPublic(), keys.find("0A1B2C3D4E5F"));
    assertNull(keys.find("A1B2C3D4E5F"), "the leading zero is part of the serial");
    assertNull(keys.find("PUB_KEY_ID_0119000000012026"));
    assertEquals("PUB_KEY_ID_0119000000012025", keys.encryptionKey().id(), "the public key is preferred");
    assertTrue(keys.describe().contains("0A1B2C3D4E5F"), keys.describe());
  }

  @Test
  void certificatesOutsideTheirValidityAreNotUsed() throws Exception {
    X509Certificate expired = certificate(TestKeys.rsa(), BigInteger.valueOf(1),
        NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
    X509Certificate current = certificate(TestKeys.rsa(), BigInteger.valueOf(2),
        NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)));
    X509Certificate newer = certificate(TestKeys.rsa(), BigInteger.valueOf(3),
        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)));
    X509Certificate future = certificate(TestKeys.rsa(), BigInteger.valueOf(4),
        NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(800)));
    VerificationKeys keys = new VerificationKeys(null, List.of(expired, newer, current, future), CLOCK);

    assertNull(keys.find("01"));
    assertNull(keys.find("04"));
    assertEquals(current.getPublicKey(), keys.find("02"));
    assertEquals("03", keys.encryptionKey().id(), "the newest valid certificate encrypts");
  }

  @Test
  void aRefreshReplacesTheDownloadedCertificatesAndKeepsGivenOnes() throws Exception {
    X509Certificate given = certificate(TestKeys.rsa(), BigInteger.valueOf(0x33),
        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    X509Certificate first = certificate(TestKeys.rsa(), BigInteger.valueOf(0x11),
        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    X509Certificate second = certificate(TestKeys.rsa(), BigInteger.valueOf(0x22),
        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    VerificationKeys keys = new VerificationKeys(null, List.of(given), CLOCK);
    keys.replaceCertificates(List.of(first));
    assertEquals(first.getPublicKey(), keys.find("11"));
    assertNull(keys.find("22"));

    keys.replaceCertificates(List.of(second));

    assertNull(keys.find("11"));
    assertEquals(second.getPublicKey(), keys.find("22"));
    assertEquals(given.getPublicKey(), keys.find("33"), "a given certificate stays");
    assertNull(new VerificationKeys(null, List.of(), CLOCK).encryptionKey(), "nothing to encrypt with yet");
  }
}
