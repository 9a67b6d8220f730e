package dev.wxpay.benchmarks.soak;

import dev.wxpay.testkit.SandboxVerification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Load and soak against the sandbox, every call reconciled: {@code benchmarks/run-soak.sh load|soak
 * [options]}. Exits 0 only if no call was lost, wrongly accepted, failed the wrong way, sent more often
 * than the retry rules allow, or refused by the sandbox. Run it in its own JVM with a fixed heap (the script
 * gives {@code -Xmx256m}) so that the heap figures mean something.
 */
public final class SoakMain {
  private static final String USAGE = """
      usage: run-soak.sh load|soak [options]
        load: --calls 10000 --threads 32 --fault-rate 0.05 (then stops)
        soak: --minutes 3 --threads 32 --fault-rate 0.2 --rotate-every 15 (runs for a time)
      options:
        --calls N           stop after N calls (0: run for --minutes/--seconds)
        --minutes M, --seconds S   how long a timed run lasts
        --threads T         threads calling the one client, each one call after another
        --fault-rate F      share of calls whose answer gets a fault (0..1)
        --faults a,b,...    fault kinds, default all: %s
        --rotate-every S    seconds between certificate rotations (0: none); the client refreshes every
                            --refresh-every S (default 2) and a new certificate signs after 2 refreshes + 1 s
        --verification certificate|mixed|public-key   (default certificate)
        --timeout MS        the client's request timeout in ms (default 2000); delayed answers come 1.5x later
        --transport jdk|apache   (default jdk)
        --sample-every S    seconds between heap samples during the run (default 60; 0: none)
        --seed N            the plan's seed (default 1)
      """;

  private SoakMain() {}

  public static void main(String[] args) throws Exception {
    SoakRun.Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.printf(USAGE, faultNames());
      System.exit(2);
      return;
    }
    System.out.println(describe(options));
    SoakRun.Result result = new SoakRun(options, SoakRun.Hooks.NONE).run();
    System.out.print(report(result));
    System.exit(result.books().clean() ? 0 : 1);
  }

  static SoakRun.Options parse(String... args) {
    if (args.length == 0 || !(args[0].equals("load") || args[0].equals("soak"))) {
      throw new IllegalArgumentException("first say load or soak");
    }
    boolean load = args[0].equals("load");
    int calls = load ? 10_000 : 0;
    Duration duration = Duration.ofMinutes(3);
    int threads = 32;
    double faultRate = load ? 0.05 : 0.2;
    List<Fault> faults = allFaults();
    Duration rotateEvery = Duration.ofSeconds(load ? 10 : 15);
    Duration refreshEvery = Duration.ofSeconds(2);
    SandboxVerification verification = SandboxVerification.CERTIFICATE;
    Duration timeout = Duration.ofMillis(2000);
    String transport = "jdk";
    Duration sampleEvery = Duration.ofSeconds(60);
    long seed = 1;
    for (int i = 1; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--calls" -> calls = Integer.parseInt(value);
        case "--minutes" -> {
          duration = Duration.ofSeconds(Math.round(Double.parseDouble(value) * 60));
          calls = 0;
        }
        case "--seconds" -> {
          duration = Duration.ofSeconds(Long.parseLong(value));
          calls = 0;
        }
        case "--threads" -> threads = Integer.parseInt(value);
        case "--fault-rate" -> faultRate = Double.parseDouble(value);
        case "--faults" -> faults = Arrays.stream(value.split(","))
            .map(f -> Fault.valueOf(f.trim().toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
        case "--rotate-every" -> rotateEvery = Duration.ofSeconds(Long.parseLong(value));
        case "--refresh-every" -> refreshEvery = Duration.ofSeconds(Long.parseLong(value));
        case "--verification" -> verification =
            SandboxVerification.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        case "--timeout" -> timeout = Duration.ofMillis(Long.parseLong(value));
        case "--transport" -> {
          if (!value.equals("jdk") && !value.equals("apache")) {
            throw new IllegalArgumentException("--transport is jdk or apache");
          }
          transport = value;
        }
        case "--sample-every" -> sampleEvery = Duration.ofSeconds(Long.parseLong(value));
        case "--seed" -> seed = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (threads < 1 || calls < 0 || (calls == 0 && duration.isZero())) {
      throw new IllegalArgumentException("need threads >= 1 and either calls or a duration");
    }
    if (verification == SandboxVerification.PUBLIC_KEY) {
      rotateEvery = Duration.ZERO;
    }
    return new SoakRun.Options(calls, duration, threads, faultRate, faults, rotateEvery, refreshEvery, verification,
        timeout, seed, transport, sampleEvery);
  }

  private static List<Fault> allFaults() {
    List<Fault> faults = new ArrayList<>(Arrays.asList(Fault.values()));
    faults.remove(Fault.NONE);
    return List.copyOf(faults);
  }

  private static String faultNames() {
    return String.join(",", allFaults().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .toList());
  }

  static String describe(SoakRun.Options o) {
    return String.format(Locale.ROOT, "%s, %d threads, one client (%s transport, %s mode), faults on %.0f%% of calls"
            + " (%s), certificate rotation %s, request timeout %d ms, seed %d; JVM max heap %d MB, %d CPUs",
        o.timed() ? "soak for " + o.duration().toSeconds() + " s" : "load of " + o.calls() + " calls", o.threads(),
        o.transport(), o.verification(), o.faultRate() * 100, o.faults().size() == allFaults().size() ? "all kinds"
            : o.faults(), o.rotateEvery().isZero() ? "off" : "every " + o.rotateEvery().toSeconds() + " s (refresh every "
            + o.refreshEvery().toSeconds() + " s)", o.timeout().toMillis(), o.seed(),
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
  }

  static String report(SoakRun.Result r) {
    Reconciler.Books b = r.books();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "calls %d in %.1f s (%.0f calls/s), %d threads%n", b.calls(),
        r.elapsed().toNanos() / 1e9, r.callsPerSecond(), r.options().threads()));
    out.append("answers sent by fault: ").append(b.injected()).append('\n');
    out.append("outcomes: ").append(b.outcomes()).append('\n');
    out.append(String.format(Locale.ROOT, "lost %d, wrongly accepted %d, failed the wrong way %d, sent more often"
            + " than allowed %d, never received %d, refused by the sandbox %d%n", b.lost(), b.wronglyAccepted(),
        b.wrongFailures(), b.sentTooOften(), b.notReceived(), b.refused()));
    if (b.timedOutWithoutFault() > 0) {
      out.append(String.format(Locale.ROOT, "calls without a fault that timed out (a TransportException, the machine"
          + " too busy): %d%n", b.timedOutWithoutFault()));
    }
    if (b.resentByHttpClient() > 0) {
      out.append(String.format(Locale.ROOT, "GETs sent twice by java.net.http itself after a dropped connection:"
          + " %d (its retry of idempotent requests; not the runtime's)%n", b.resentByHttpClient()));
    }
    out.append(String.format(Locale.ROOT, "certificate rotations %d, certificate downloads %d, refresh failures %d%n",
        r.rotations(), b.certificateDownloads(), r.refreshFailures()));
    out.append("heap after GC:");
    for (Map.Entry<String, Long> sample : r.heapAfterGc().entrySet()) {
      out.append(String.format(Locale.ROOT, " %s %.1f MB,", sample.getKey(), sample.getValue() / 1048576.0));
    }
    out.setLength(out.length() - 1);
    out.append("\nlive threads: ").append(r.threads()).append('\n');
    out.append("threads left after client close(), the sandbox's aside: while the client is referenced ")
        .append(SoakRun.byKind(r.clientThreadsLeftReferenced())).append(", once it is collected ")
        .append(SoakRun.byKind(r.clientThreadsLeft())).append('\n');
    out.append("threads left after sandbox close(): ").append(SoakRun.byKind(r.threadsLeft())).append('\n');
    for (String example : b.examples()) {
      out.append("  problem: ").append(example).append('\n');
    }
    out.append(b.clean() ? "RECONCILED: every call ended as its fault calls for\n" : "NOT RECONCILED\n");
    return out.toString();
  }
}
