package dev.wxpay.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The TLS side of an HTTPS sandbox: a fresh self-signed certificate for {@code 127.0.0.1} and {@code localhost},
 * the server's {@link SSLContext} with its key, and a client {@link SSLContext} that trusts that one
 * certificate and nothing else (no trust-all manager: hostname and chain are checked as in production).
 */
final class SandboxTls {
  private final X509Certificate certificate;
  private final SSLContext serverContext;
  private final X509TrustManager trustManager;
  private final SSLContext clientContext;

  /**
   * Makes the key pair and certificate; EC P-256, generated in a millisecond where RSA-2048 takes a hundred.
   *
   * @param bc the sandbox's own Bouncy Castle provider (never registered), which builds the certificate
   */
  SandboxTls(SecureRandom random, Provider bc) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keyPair = generator.generateKeyPair();
      this.certificate = selfSigned(keyPair, random, bc);

      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      // The store lives in memory only; its password protects nothing.
      char[] password = new char[0];
      keys.setKeyEntry("sandbox", keyPair.getPrivate(), password, new X509Certificate[] {certificate});
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      this.serverContext = SSLContext.getInstance("TLS");
      serverContext.init(keyManagers.getKeyManagers(), null, random);

      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("sandbox", certificate);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      this.trustManager = x509(trustManagers.getTrustManagers());
      this.clientContext = SSLContext.getInstance("TLS");
      clientContext.init(null, new TrustManager[] {trustManager}, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS for the sandbox", e);
    }
  }

  private static X509Certificate selfSigned(KeyPair keyPair, SecureRandom random, Provider bc)
      throws GeneralSecurityException {
    // TLS checks validity against the real time, never the sandbox clock (a test may set that in the past).
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=WeChat Pay sandbox (wxpay-testkit)");
    try {
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).add(
          BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(366))),
          name, keyPair.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      return new JcaX509CertificateConverter().setProvider(bc).getCertificate(builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(keyPair.getPrivate())));
    } catch (OperatorCreationException | IOException e) {
      throw new GeneralSecurityException("cannot make the sandbox's TLS certificate", e);
    }
  }

  private static X509TrustManager x509(TrustManager[] managers) {
    for (TrustManager manager : managers) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK's trust manager factory made no X509TrustManager");
  }

  X509Certificate certificate() {
    return certificate;
  }

  SSLContext serverContext() {
    return serverContext;
  }

  X509TrustManager trustManager() {
    return trustManager;
  }

  SSLContext clientContext() {
    return clientContext;
  }
}
