package dev.wxpay.runtime.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.TestKeys;
import dev.wxpay.runtime.WechatPay;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class PemKeysTest {
  private static final KeyPair RSA = TestKeys.MERCHANT;

  private static String write(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  @Test
  void readsPkcs8PrivateKey() {
    String pem = TestKeys.pem("PRIVATE KEY", RSA.getPrivate().getEncoded());
    PrivateKey key = PemKeys.privateKey(pem);
    assertEquals("RSA", key.getAlgorithm());
    assertArrayEquals(RSA.getPrivate().getEncoded(), key.getEncoded());
  }

  @Test
  void readsPkcs1PrivateKey() throws IOException {
    String pem = write(RSA.getPrivate());
    assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pem.substring(0, 40));
    PrivateKey key = PemKeys.privateKey(pem);
    assertEquals("RSA", key.getAlgorithm());
    assertArrayEquals(RSA.getPrivate().getEncoded(), key.getEncoded());
  }

  @Test
  void readsPrivateKeyWithWindowsLineEndingsAndSurroundingText() {
    String pem = "merchant key:\r\n"
        + TestKeys.pem("PRIVATE KEY", RSA.getPrivate().getEncoded()).replace("\n", "\r\n");
    assertArrayEquals(RSA.getPrivate().getEncoded(), PemKeys.privateKey(pem).getEncoded());
  }

  @Test
  void readsSpkiPublicKey() {
    String pem = TestKeys.pem("PUBLIC KEY", RSA.getPublic().getEncoded());
    PublicKey key = PemKeys.publicKey(pem);
    assertArrayEquals(RSA.getPublic().getEncoded(), key.getEncoded());
  }

  @Test
  void readsPublicKeyOfCertificate() throws Exception {
    X500Name name = new X500Name("CN=Tenpay.com Root CA, O=test");
    Date now = new Date();
    X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, now,
        new Date(now.getTime() + 86_400_000L), name, RSA.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(RSA.getPrivate()));
    String pem = write(certificate);
    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----"), pem.substring(0, 30));
    assertArrayEquals(RSA.getPublic().getEncoded(), PemKeys.publicKey(pem).getEncoded());
  }

  @Test
  void malformedBase64IsRejectedWithoutEchoingIt() {
    String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq!!secretish***\n-----END PRIVATE KEY-----\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(pem));
    assertTrue(e.getMessage().contains("malformed private key PEM"), e.getMessage());
    assertFalse(e.getMessage().contains("secretish"), e.getMessage());
    assertFalse(e.getMessage().contains("MIIEvQ"), e.getMessage());
  }

  @Test
  void corruptKeyIsRejectedWithoutEchoingIt() {
    byte[] der = RSA.getPrivate().getEncoded();
    byte[] truncated = java.util.Arrays.copyOf(der, der.length / 2);
    String pem = TestKeys.pem("PRIVATE KEY", truncated);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(pem));
    for (String fragment : TestKeys.fragments(truncated)) {
      assertFalse(e.getMessage().contains(fragment), e.getMessage());
    }
    assertEquals(null, e.getCause());
  }

  @Test
  void textWithoutPemIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(""));
    assertTrue(e.getMessage().contains("no private key found"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PemKeys.publicKey("just text"));
    assertTrue(e.getMessage().contains("no public key found"), e.getMessage());
  }

  @Test
  void publicKeyWhereAPrivateKeyIsExpectedIsRejected() {
    String pem = TestKeys.pem("PUBLIC KEY", RSA.getPublic().getEncoded());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(pem));
    assertTrue(e.getMessage().contains("found a public key"), e.getMessage());
  }

  @Test
  void ecKeysAreReadButRejectedWhereRsaIsRequired() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair ec = generator.generateKeyPair();
    String privatePem = TestKeys.pem("PRIVATE KEY", ec.getPrivate().getEncoded());
    String publicPem = TestKeys.pem("PUBLIC KEY", ec.getPublic().getEncoded());
    assertEquals("EC", PemKeys.privateKey(privatePem).getAlgorithm());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WechatPay.builder()
        .merchant("1900000001", "SERIAL", privatePem)
        .wechatpayPublicKey("PUB_KEY_ID_1", TestKeys.WECHATPAY.getPublic())
        .build());
    assertTrue(e.getMessage().contains("wrong key type"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> WechatPay.builder()
        .merchant("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate())
        .wechatpayPublicKey("PUB_KEY_ID_1", publicPem)
        .build());
    assertTrue(e.getMessage().contains("wrong key type"), e.getMessage());
  }
}
