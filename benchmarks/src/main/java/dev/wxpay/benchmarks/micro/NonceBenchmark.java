package dev.wxpay.benchmarks.micro;

import com.wechat.pay.java.core.util.NonceUtil;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 32-character nonce: wxpay's {@code Nonces.next} on a shared {@code SecureRandom} (as RequestSigner
 * calls it) and the official SDK's {@code NonceUtil.createNonce(32)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NonceBenchmark {
  /**
   * {@code dev.wxpay.runtime.Nonces.next(SecureRandom)}, package-private: looked up once; a static final
   * handle is a constant to the JIT, so the call costs what a direct one does.
   */
  private static final MethodHandle NONCES_NEXT = noncesNext();

  private final SecureRandom random = new SecureRandom();

  private static MethodHandle noncesNext() {
    try {
      Class<?> nonces = Class.forName("dev.wxpay.runtime.Nonces");
      return MethodHandles.privateLookupIn(nonces, MethodHandles.lookup())
          .findStatic(nonces, "next", MethodType.methodType(String.class, SecureRandom.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Benchmark
  public String wxpay() throws Throwable {
    return (String) NONCES_NEXT.invokeExact(random);
  }

  @Benchmark
  public String official() {
    return NonceUtil.createNonce(32);
  }
}
