package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A small property-based fuzzing harness on plain JUnit: a generator makes inputs from a seeded
 * {@link Random}, a property runs on each under a deadline, and every input must end in a correct result
 * (the property's assertions) or in one of the documented exception types. Anything else (another
 * exception, an {@link Error}, a hang) fails the test with the seed, the input, and a copy of the input
 * in {@code target/fuzz-failures/} to keep as a regression test.
 *
 * <p>{@code -Dwxpay.fuzz.tries=N} replaces every property's default number of tries (the long run);
 * {@code -Dwxpay.fuzz.seed=S} replays a run. The default seed changes per run, so repeated builds cover new
 * inputs; a failure names its seed.
 */
public final class Fuzz {
  /** Far above any input's honest cost here (milliseconds), far below a hang. */
  private static final long DEADLINE_SECONDS = Long.getLong("wxpay.fuzz.deadlineSeconds", 10);
  private static final int MAX_SHOWN = 300;

  private Fuzz() {}

  /** What a property does with one input; it may throw a documented exception. */
  @FunctionalInterface
  public interface Property<T> {
    void check(T input) throws Exception;
  }

  /** The tries of a property: its default, or {@code -Dwxpay.fuzz.tries} for a long run. */
  public static int tries(int defaultTries) {
    return Integer.getInteger("wxpay.fuzz.tries", defaultTries);
  }

  /**
   * Checks {@code property} on {@code tries(defaultTries)} inputs from {@code generator}.
   *
   * @param name names the target in messages and in the failure file
   * @param show how an input appears in a failure message
   * @param bytes the input's bytes for the failure file
   * @param documented the exception types the entry point documents; subclasses count
   */
  public static <T> void forAll(String name, int defaultTries, Function<Random, T> generator,
      Function<T, String> show, Function<T, byte[]> bytes, Property<T> property,
      List<Class<? extends Throwable>> documented) {
    long seed = Long.getLong("wxpay.fuzz.seed", System.nanoTime());
    Random seeds = new Random(seed);
    int tries = tries(defaultTries);
    Map<String, Integer> outcomes = new TreeMap<>();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      // A large stack is not given on purpose: a deep recursion must show up as it would for a user.
      Thread thread = new Thread(r, "fuzz-" + name);
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (int i = 0; i < tries; i++) {
        Random random = new Random(seeds.nextLong());
        T input = generator.apply(random);
        Future<?> run = worker.submit(() -> {
          property.check(input);
          return null;
        });
        String outcome;
        try {
          run.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
          outcome = "result";
        } catch (TimeoutException e) {
          run.cancel(true);
          throw failure(name, seed, i, input, show, bytes, "no answer within " + DEADLINE_SECONDS + " s", null);
        } catch (ExecutionException e) {
          Throwable thrown = e.getCause();
          if (thrown instanceof AssertionError || !isDocumented(thrown, documented)) {
            throw failure(name, seed, i, input, show, bytes,
                thrown instanceof AssertionError ? "wrong result" : "undocumented " + thrown, thrown);
          }
          outcome = thrown.getClass().getSimpleName();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
        outcomes.merge(outcome, 1, Integer::sum);
      }
    } finally {
      worker.shutdownNow();
    }
    // One line per target: shows that inputs reach past the first check, not only how many ran.
    System.out.println("fuzz " + name + ": " + tries + " tries, seed " + seed + ", " + outcomes);
  }

  /** {@link #forAll} for byte-array inputs. */
  public static void forAllBytes(String name, int defaultTries, Function<Random, byte[]> generator,
      Property<byte[]> property, List<Class<? extends Throwable>> documented) {
    forAll(name, defaultTries, generator, Fuzz::show, b -> b, property, documented);
  }

  /** {@link #forAll} for string inputs. */
  public static void forAllStrings(String name, int defaultTries, Function<Random, String> generator,
      Property<String> property, List<Class<? extends Throwable>> documented) {
    forAll(name, defaultTries, generator, s -> show(s.getBytes(StandardCharsets.UTF_8)),
        s -> s.getBytes(StandardCharsets.UTF_8), property, documented);
  }

  private static boolean isDocumented(Throwable thrown, List<Class<? extends Throwable>> documented) {
    for (Class<? extends Throwable> type : documented) {
      if (type.isInstance(thrown)) {
        return true;
      }
    }
    return false;
  }

  private static <T> AssertionError failure(String name, long seed, int index, T input, Function<T, String> show,
      Function<T, byte[]> bytes, String what, Throwable cause) {
    Path file = Path.of("target", "fuzz-failures", name + "-" + seed + "-" + index + ".bin");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes.apply(input));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String shown = show.apply(input);
    if (shown.length() > MAX_SHOWN) {
      shown = shown.substring(0, MAX_SHOWN) + "…";
    }
    return new AssertionError("fuzz " + name + ": " + what + " on try " + index + " (replay with -Dwxpay.fuzz.seed="
        + seed + "); input (" + file + "): " + shown, cause);
  }

  /** Bytes as text, non-printable ones escaped, long inputs cut. */
  public static String show(byte[] input) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < input.length && out.length() < MAX_SHOWN; i++) {
      int b = input[i] & 0xff;
      if (b >= 0x20 && b < 0x7f && b != '\\') {
        out.append((char) b);
      } else {
        out.append(String.format("\\x%02x", b));
      }
    }
    return input.length + " bytes: " + out + (out.length() >= MAX_SHOWN ? "…" : "");
  }

  /** A list of documented exception types, for readability at call sites. */
  public static List<Class<? extends Throwable>> documented(Class<?>... types) {
    List<Class<? extends Throwable>> out = new ArrayList<>();
    for (Class<?> type : types) {
      out.add(type.asSubclass(Throwable.class));
    }
    return out;
  }
}
