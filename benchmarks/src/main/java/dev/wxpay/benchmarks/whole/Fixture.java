package dev.wxpay.benchmarks.whole;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What the server and every client share: the merchant and operation constants, and the keys, which the
 * runner generates once and hands to each child JVM as PEM files in a temporary folder.
 */
public final class Fixture {
  public static final String MCHID = "1900000001";
  public static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000012025";
  /** 32 bytes; the official SDK's public-key config insists on one, no call here uses it. */
  public static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";
  public static final String STOCK_ID = "9856000";
  public static final String CREATOR_MCHID = "8956000";
  public static final String PATH = "/v3/marketing/favor/stocks/" + STOCK_ID + "/restart";
  public static final String ANSWER =
      "{\"stock_id\":\"9856000\",\"restart_time\":\"2015-05-20T13:29:35.120+08:00\"}";
  /** What the tampered-body mode signs instead of {@link #ANSWER}: same length, another stock. */
  public static final String OTHER_ANSWER =
      "{\"stock_id\":\"9856001\",\"restart_time\":\"2015-05-20T13:29:35.120+08:00\"}";

  static final String MERCHANT_PRIVATE = "merchant-private.pem";
  static final String MERCHANT_PUBLIC = "merchant-public.pem";
  static final String PLATFORM_PRIVATE = "platform-private.pem";
  static final String PLATFORM_PUBLIC = "platform-public.pem";
  /** Signs answers in bad-signature mode: a key no client was given. */
  static final String WRONG_PRIVATE = "wrong-private.pem";

  private Fixture() {}

  /** Generates the three key pairs and writes them as PEM files into {@code dir}. */
  static void writeKeys(Path dir) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair merchant = generator.generateKeyPair();
    KeyPair platform = generator.generateKeyPair();
    KeyPair wrong = generator.generateKeyPair();
    write(dir.resolve(MERCHANT_PRIVATE), "PRIVATE KEY", merchant.getPrivate().getEncoded());
    write(dir.resolve(MERCHANT_PUBLIC), "PUBLIC KEY", merchant.getPublic().getEncoded());
    write(dir.resolve(PLATFORM_PRIVATE), "PRIVATE KEY", platform.getPrivate().getEncoded());
    write(dir.resolve(PLATFORM_PUBLIC), "PUBLIC KEY", platform.getPublic().getEncoded());
    write(dir.resolve(WRONG_PRIVATE), "PRIVATE KEY", wrong.getPrivate().getEncoded());
  }

  static void write(Path file, String type, byte[] der) throws IOException {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
  }

  static byte[] der(Path file) throws IOException {
    String pem = Files.readString(file);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  static PrivateKey privateKey(Path dir, String name) throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(dir.resolve(name))));
  }

  static PublicKey publicKey(Path dir, String name) throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(dir.resolve(name))));
  }

  /** The keys a client holds: its own private key, WeChat Pay's public key. */
  public record ClientKeys(PrivateKey merchantPrivate, PublicKey platformPublic) {
    static ClientKeys load(Path dir) throws IOException, GeneralSecurityException {
      return new ClientKeys(privateKey(dir, MERCHANT_PRIVATE), publicKey(dir, PLATFORM_PUBLIC));
    }
  }

  /** Trust in the server's self-signed certificate, for the clients' TLS. */
  public record Trust(SSLContext context, X509TrustManager manager) {
    static Trust of(Path certificatePem) throws IOException, GeneralSecurityException {
      X509Certificate certificate;
      try (InputStream in = Files.newInputStream(certificatePem)) {
        certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("bench-server", certificate);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509TrustManager manager = (X509TrustManager) factory.getTrustManagers()[0];
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {manager}, null);
      return new Trust(context, manager);
    }
  }
}
