package dev.wxpay.benchmarks.micro;

import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.SignatureResult;
import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SHA256withRSA-2048 over a JSAPI order's signing message: the JDK's provider and Amazon Corretto Crypto
 * Provider side by side, wxpay's {@link SignatureScheme} (no provider pinned, so the JDK's here, and pinned
 * to ACCP as {@code rsaProvider} pins it) and the official SDK's {@code RSASigner} on the same key. Each op takes a fresh {@code Signature}, as both SDKs
 * do per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigningBenchmark {
  private KeyPair merchant;
  private byte[] message;
  private String messageText;
  private byte[] signature;
  private Provider jdk;
  private Provider accp;
  private RSASigner official;

  @Setup
  public void setUp() {
    merchant = Fixtures.rsa2048();
    message = Fixtures.signingMessage();
    messageText = new String(message, StandardCharsets.UTF_8);
    signature = Base64.getDecoder().decode(Fixtures.sign(merchant.getPrivate(), message));
    jdk = Fixtures.jdkProvider();
    accp = Fixtures.accp();
    official = new RSASigner(Fixtures.MERCHANT_SERIAL, merchant.getPrivate());
    // Each signer must produce a signature the others accept, or the comparison means nothing.
    if (!verify(accp, sign(jdk)) || !verify(jdk, sign(accp))
        || !SignatureScheme.RSA.verify(merchant.getPublic(), message, Base64.getDecoder().decode(officialSign()))) {
      throw new IllegalStateException("signatures do not agree across providers");
    }
  }

  @Benchmark
  public byte[] signJdk() {
    return sign(jdk);
  }

  @Benchmark
  public byte[] signAccp() {
    return sign(accp);
  }

  /** wxpay's signing step: {@code SignatureScheme.RSA.sign}, provider chosen by JCA (the JDK's here). */
  @Benchmark
  public byte[] signWxpay() {
    return SignatureScheme.RSA.sign(merchant.getPrivate(), message);
  }

  /** The same with the provider pinned as {@code WechatPay.Builder.rsaProvider(...)} does it. */
  @Benchmark
  public byte[] signWxpayAccp() {
    return SignatureScheme.RSA.sign(merchant.getPrivate(), message, accp);
  }

  /** The official SDK's signer: String in, Base64 out (wxpay Base64-encodes after its sign, ~0.3 µs). */
  @Benchmark
  public String signOfficial() {
    return officialSign();
  }

  @Benchmark
  public boolean verifyJdk() {
    return verify(jdk, signature);
  }

  @Benchmark
  public boolean verifyAccp() {
    return verify(accp, signature);
  }

  @Benchmark
  public boolean verifyWxpay() {
    return SignatureScheme.RSA.verify(merchant.getPublic(), message, signature);
  }

  private String officialSign() {
    SignatureResult result = official.sign(messageText);
    return result.getSign();
  }

  private byte[] sign(Provider provider) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA", provider);
      s.initSign(merchant.getPrivate());
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean verify(Provider provider, byte[] signatureBytes) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA", provider);
      s.initVerify(merchant.getPublic());
      s.update(message);
      return s.verify(signatureBytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
