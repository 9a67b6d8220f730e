package dev.wxpay.benchmarks.whole;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;

/**
 * The child JVM of one client run. Arguments are {@code key=value}: {@code task} (measure, cold, check),
 * {@code client}, {@code keys} (the PEM folder), {@code url}, {@code cert} (TLS only), {@code provider}
 * (jdk, accp), and per task {@code threads warmup calls} (measure) or {@code bad tampered checks} (check).
 * It prints one line starting {@code RESULT } with a JSON object, or {@code FIRST_CALL_DONE} (cold).
 */
public final class ClientMain {
  private ClientMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      options.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    String provider = installProvider(options.getOrDefault("provider", "jdk"));
    String name = options.get("client");
    Fixture.Trust trust = options.containsKey("cert") ? Fixture.Trust.of(Path.of(options.get("cert"))) : null;
    if (trust != null) {
      // wxpay-default builds its HttpClient without an SSLContext, i.e. with the JVM's default one.
      SSLContext.setDefault(trust.context());
    }
    Fixture.ClientKeys keys = Fixture.ClientKeys.load(Path.of(options.get("keys")));
    String task = options.get("task");
    switch (task) {
      case "cold" -> {
        try (BenchClient client = BenchClient.create(name, new BenchClient.Setup(URI.create(options.get("url")), keys, trust))) {
          client.call();
          // Before close(): the runner stops its clock at this line.
          System.out.println("FIRST_CALL_DONE");
          System.out.flush();
        }
      }
      case "measure" -> measure(name, provider, options, keys, trust);
      case "check" -> check(name, options, keys, trust);
      default -> throw new IllegalArgumentException("unknown task " + task);
    }
    System.exit(0);
  }

  /** Puts the provider first and proves the RSA signatures come from it; returns its name. */
  static String installProvider(String provider) throws Exception {
    if (provider.equals("accp")) {
      AmazonCorrettoCryptoProvider.install();
      AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
    } else if (!provider.equals("jdk")) {
      throw new IllegalArgumentException("unknown provider " + provider);
    }
    String used = Signature.getInstance("SHA256withRSA").getProvider().getName();
    String expected = provider.equals("accp") ? AmazonCorrettoCryptoProvider.PROVIDER_NAME : "SunRsaSign";
    if (!used.equals(expected)) {
      throw new IllegalStateException("SHA256withRSA comes from " + used + ", not " + expected);
    }
    return used;
  }

  private static void measure(String name, String provider, Map<String, String> options, Fixture.ClientKeys keys,
      Fixture.Trust trust) throws Exception {
    int threads = Integer.parseInt(options.get("threads"));
    int warmup = Integer.parseInt(options.get("warmup"));
    int calls = Integer.parseInt(options.get("calls"));
    int perThread = Math.max(1, calls / threads);
    try (BenchClient client = BenchClient.create(name, new BenchClient.Setup(URI.create(options.get("url")), keys, trust))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread thread = new Thread(r, "caller");
        thread.setDaemon(true);
        return thread;
      });
      long[][] latencies = new long[threads][perThread];
      runCalls(pool, client, threads, Math.max(1, warmup / threads), null);
      Thread.sleep(200); // let the JIT's queue drain a little; the same for every client
      AllocationMeter allocation = AllocationMeter.start();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      runCalls(pool, client, threads, perThread, latencies);
      long wall = System.nanoTime() - wall0;
      long cpu = os.getProcessCpuTime() - cpu0;
      AllocationMeter.Result allocated = allocation.stop();
      int liveThreads = ManagementFactory.getThreadMXBean().getThreadCount();
      pool.shutdownNow();
      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
      long total = (long) perThread * threads;
      System.out.println("RESULT " + String.format(Locale.ROOT,
          "{\"client\":\"%s\",\"provider\":\"%s\",\"threads\":%d,\"calls\":%d,\"cpuUsPerCall\":%.2f,"
              + "\"callsPerSecond\":%.1f,\"allocBytesPerCall\":%.0f,\"heapBytesPerCall\":%.0f,\"threadsEnded\":%d,"
              + "\"p50Us\":%.1f,\"p99Us\":%.1f,\"liveThreads\":%d}",
          name, provider, threads, total, cpu / 1e3 / total, total / (wall / 1e9),
          (double) allocated.threadBytes() / total, (double) allocated.heapBytes() / total, allocated.threadsEnded(),
          percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3, liveThreads));
    }
  }

  private static void runCalls(ExecutorService pool, BenchClient client, int threads, int perThread, long[][] latencies)
      throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long[] mine = latencies == null ? null : latencies[t];
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          long start = System.nanoTime();
          client.call();
          if (mine != null) {
            mine[i] = System.nanoTime() - start;
          }
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }

  /**
   * One verified call to the good server first (a client that fails everything proves nothing), then
   * {@code checks} calls to each of the bad-signature and tampered-body servers, each of which must throw.
   */
  private static void check(String name, Map<String, String> options, Fixture.ClientKeys keys, Fixture.Trust trust)
      throws Exception {
    int checks = Integer.parseInt(options.getOrDefault("checks", "5"));
    String good = "ok";
    try (BenchClient client = BenchClient.create(name, new BenchClient.Setup(URI.create(options.get("url")), keys, trust))) {
      client.call();
    } catch (Exception e) {
      good = e.getClass().getName();
    }
    StringBuilder json = new StringBuilder("{\"client\":\"" + name + "\",\"good\":\"" + good + "\"");
    for (String mode : List.of("bad", "tampered")) {
      int rejected = 0;
      String how = "";
      try (BenchClient client = BenchClient.create(name, new BenchClient.Setup(URI.create(options.get(mode)), keys, trust))) {
        for (int i = 0; i < checks; i++) {
          try {
            client.call();
          } catch (Exception e) {
            rejected++;
            how = e.getClass().getName();
          }
        }
      }
      json.append(",\"").append(mode).append("Calls\":").append(checks)
          .append(",\"").append(mode).append("Rejected\":").append(rejected)
          .append(",\"").append(mode).append("Exception\":\"").append(how).append('"');
    }
    System.out.println("RESULT " + json.append('}'));
  }
}
