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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** PKCS#1 keys are rewrapped as PKCS#8 by hand: DER lengths of one, two and three bytes must all come out right. */
  @ParameterizedTest
  @ValueSource(ints = {1024, 2048, 4096})
  void readsPkcs1PrivateKeysOfEverySize(int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    KeyPair pair = generator.generateKeyPair();
    // Bouncy Castle writes the PKCS#1 form, independently of the JDK path that reads it.
    PrivateKey key = PemKeys.privateKey(write(pair.getPrivate()));
    assertArrayEquals(pair.getPrivate().getEncoded(), key.getEncoded());
  }

  /**
   * An RSA merchant never loads Bouncy Castle: opening its signed jars costs hundreds of milliseconds at
   * start-up. Checked in a fresh class loader that records every class it is asked for.
   */
  @Test
  void readingRsaPemLoadsNoBouncyCastleClass() throws Exception {
    java.util.List<String> loaded = new java.util.concurrent.CopyOnWriteArrayList<>();
    // Child-first for wxpay and Bouncy Castle: the JDK's loaders would otherwise hand out the classes of
    // named modules already loaded in this JVM, and nothing would be loaded (or recorded) again.
    java.net.URL[] path = java.util.stream.Stream.of(PemKeys.class, org.bouncycastle.jce.provider.BouncyCastleProvider.class,
            org.bouncycastle.openssl.PEMParser.class, org.jspecify.annotations.Nullable.class)
        .map(type -> type.getProtectionDomain().getCodeSource().getLocation())
        .distinct().toArray(java.net.URL[]::new);
    try (java.net.URLClassLoader fresh = new java.net.URLClassLoader(path, ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("dev.wxpay.") && !name.startsWith("org.bouncycastle.") && !name.startsWith("org.jspecify.")) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> type = findLoadedClass(name);
          if (type == null) {
            loaded.add(name);
            type = findClass(name);
          }
          return type;
        }
      }
    }) {
      Class<?> pemKeys = Class.forName(PemKeys.class.getName(), true, fresh);
      String privatePem = write(RSA.getPrivate());
      pemKeys.getMethod("privateKey", String.class).invoke(null, privatePem);
      pemKeys.getMethod("privateKey", String.class)
          .invoke(null, TestKeys.pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));
      pemKeys.getMethod("publicKey", String.class)
          .invoke(null, TestKeys.pem("PUBLIC KEY", RSA.getPublic().getEncoded()));
      assertTrue(loaded.stream().anyMatch(name -> name.startsWith(PemKeys.class.getName())), loaded.toString());
      assertEquals(java.util.List.of(), loaded.stream().filter(name -> name.startsWith("org.bouncycastle")).toList());

      // The recording sees Bouncy Castle when it is needed: an SM2 key.
      pemKeys.getMethod("privateKey", String.class)
          .invoke(null, TestKeys.pem("PRIVATE KEY", TestKeys.sm2().getPrivate().getEncoded()));
      assertTrue(loaded.stream().anyMatch(name -> name.startsWith("org.bouncycastle")), "SM2 is read by Bouncy Castle: " + loaded);
    }
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
