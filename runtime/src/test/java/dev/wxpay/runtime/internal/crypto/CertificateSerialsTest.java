package dev.wxpay.runtime.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wxpay.runtime.TestKeys;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class CertificateSerialsTest {
  @Test
  void leadingZeroNibbleIsKept() throws Exception {
    assertEquals("0A1B", CertificateSerials.serialNo(certificate(new BigInteger("0A1B", 16))));
    assertEquals("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
        CertificateSerials.serialNo(certificate(new BigInteger("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567", 16))));
  }

  @Test
  void evenLengthSerialIsUpperCaseHex() throws Exception {
    assertEquals("7F1C72E2A8931B72A2E13AF8DEE92471EB397115",
        CertificateSerials.serialNo(certificate(new BigInteger("7f1c72e2a8931b72a2e13af8dee92471eb397115", 16))));
  }

  @Test
  void topBitSetGetsNoSignByte() throws Exception {
    // DER encodes this serial with a leading 0x00; the serial number itself has none.
    assertEquals("8F0123456789ABCDEF", CertificateSerials.serialNo(certificate(new BigInteger("8F0123456789ABCDEF", 16))));
  }

  @Test
  void officialSm2TestCertificate() {
    assertEquals("54E7F59ED8DF4570CFB14780EA8152D45A675EE6",
        CertificateSerials.serialNo(TestKeys.officialSm2Certificate()));
  }

  private static X509Certificate certificate(BigInteger serial) throws Exception {
    X500Principal name = new X500Principal("CN=wxpay test");
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
        Date.from(now), Date.from(now.plusSeconds(86_400)), name, TestKeys.MERCHANT.getPublic());
    return new JcaX509CertificateConverter().setProvider(TestKeys.BC).getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(TestKeys.MERCHANT.getPrivate())));
  }
}
