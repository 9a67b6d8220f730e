package dev.wxpay.benchmarks.whole;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.wxpay.benchmarks.transports.BenchTransports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole-call benchmark: wxpay, the official SDK (wechatpay-java 0.2.17) and a bare client against one
 * loopback {@link BenchServer}, each run in a fresh JVM ({@link ClientMain}), the clients alternating.
 *
 * <p>Per client and setting (http/https × JCA provider × caller threads) it reports the medians over the
 * rounds of: CPU per call of the whole client process (JIT, GC and every client thread included), calls/s,
 * bytes allocated per call by all threads ({@link AllocationMeter} says how), p50/p99 latency, live threads,
 * and the cold start (JVM start → first verified call), each with its ratio to the official SDK in the same
 * setting. Before measuring, each client must pass the check (it rejects every answer with a wrong
 * signature or a tampered body, and accepts a good one); a client that fails is not measured.
 *
 * <p>Run: {@code benchmarks/run-whole-call.sh [options]}; {@code --help} lists the options.
 */
public final class WholeCallBenchmark {
  // More child flags for profiling, e.g. -Dbench.jvmFlags="-XX:StartFlightRecording=filename=x.jfr"; reported.
  private static final List<String> JVM_FLAGS = jvmFlags(System.getProperty("bench.jvmFlags", ""));

  private static List<String> jvmFlags(String extra) {
    List<String> flags = new ArrayList<>(List.of("-Xmx512m"));
    for (String flag : extra.trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        flags.add(flag);
      }
    }
    return List.copyOf(flags);
  }
  private static final long CHILD_TIMEOUT_SECONDS = 600;

  private WholeCallBenchmark() {}

  /** The options, with their defaults. */
  static final class Options {
    int rounds = 2;
    // Code that runs once per call needs about this many calls before the JIT has compiled it fully.
    int warmup = 8000;
    int calls = 3000;
    int coldRepeats = 3;
    int checks = 5;
    List<Integer> threads = List.of(1, 4);
    List<String> tls = List.of("off", "on");
    List<String> providers = List.of("jdk");
    List<String> transports = new ArrayList<>(BenchTransports.ALL.keySet());
    List<String> clients;
    boolean check;
    Path out = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "target") : Path.of("target");

    static Options parse(String... args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--quick" -> {
            o.rounds = 1;
            o.warmup = 300;
            o.calls = 300;
            o.coldRepeats = 1;
            o.threads = List.of(1);
            o.tls = List.of("off"); // a later --tls still applies
          }
          case "--check" -> o.check = true;
          case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
          case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
          case "--calls" -> o.calls = Integer.parseInt(args[++i]);
          case "--cold" -> o.coldRepeats = Integer.parseInt(args[++i]);
          case "--checks" -> o.checks = Integer.parseInt(args[++i]);
          case "--threads" -> o.threads = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
          case "--tls" -> o.tls = List.of(args[++i].split(","));
          case "--provider" -> o.providers = List.of(args[++i].split(","));
          case "--transports" -> o.transports = List.of(args[++i].split(","));
          case "--clients" -> o.clients = List.of(args[++i].split(","));
          case "--out" -> o.out = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
        }
      }
      if (o.clients == null) {
        o.clients = BenchClient.defaults(o.transports);
      }
      return o;
    }
  }

  static final String USAGE = """
      options (defaults in brackets):
        --rounds R          fresh-JVM runs per client and setting, clients alternating [2]
        --warmup W          warm-up calls per run [8000]
        --calls M           measured calls per run, split over the threads [3000]
        --threads 1,4       caller threads [1,4]
        --tls off,on        plain HTTP and/or HTTPS to the loopback server [off,on]
        --provider jdk,accp JCA provider preferred in the clients' JVMs [jdk]
        --clients a,b       official, bare, wxpay-default, wxpay-<transport>, bare-unverified
                            [official,bare,wxpay-default and wxpay-<t> for each transport]
        --transports jdk,…  the wxpay-<t> clients of the default list [every BenchTransports entry]
        --cold N            cold starts per client and setting [3]
        --checks N          bad answers per mode in the check [5]
        --check             only the check: exit 1 if any client accepts a bad answer
        --quick             a smoke run (~1 min): 1 round, 300+300 calls, 1 thread, http, 1 cold start
        --out DIR           where whole-call.md/.csv/.json go [benchmarks/target]
      """;

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(USAGE);
      return;
    }
    System.exit(run(Options.parse(args)));
  }

  /** A check's outcome for one client. */
  record Verdict(String client, boolean passed, String detail) {}

  static int run(Options o) throws Exception {
    Files.createDirectories(o.out);
    Path keys = Files.createTempDirectory("wxpay-whole-call");
    try {
      Fixture.writeKeys(keys);
      return o.check ? runChecks(o, keys) : runBenchmark(o, keys);
    } finally {
      try (var files = Files.list(keys)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(keys);
    }
  }

  private static int runChecks(Options o, Path keys) throws Exception {
    List<Verdict> all = new ArrayList<>();
    for (String tls : o.tls) {
      try (Server server = Server.start(keys, tls.equals("on"), o.out)) {
        for (String provider : o.providers) {
          System.out.printf("%n## check: %s, provider %s%n%n| client | rejects bad answers | detail |%n|---|---|---|%n",
              tls.equals("on") ? "https" : "http", provider);
          for (Verdict verdict : check(o, keys, server, provider, o.clients)) {
            all.add(verdict);
            System.out.printf("| %s | %s | %s |%n", verdict.client(), verdict.passed() ? "yes" : "NO", verdict.detail());
          }
        }
      }
    }
    int code = exitCode(all);
    System.out.println(code == 0 ? "\nevery client rejected every bad answer"
        : "\nFAILED: a client accepted an answer it should have rejected (or failed a good call)");
    return code;
  }

  /** 0 if every client passed its check, else 1. */
  static int exitCode(List<Verdict> verdicts) {
    return verdicts.stream().allMatch(Verdict::passed) ? 0 : 1;
  }

  /**
   * Runs each client against the bad-signature and tampered-body listeners, after one good call. A client
   * passes when the good call succeeds and every bad call throws although the server did answer it (so a
   * call that never reached the server does not count as a rejection).
   */
  static List<Verdict> check(Options o, Path keys, Server server, String provider, List<String> clients)
      throws Exception {
    List<Verdict> verdicts = new ArrayList<>();
    for (String client : clients) {
      int bad0 = server.answered("bad-signature");
      int tampered0 = server.answered("tampered-body");
      Map<String, Object> r;
      try {
        r = child(o, keys, server, provider, client, "check",
            List.of("bad=" + server.url("bad-signature"), "tampered=" + server.url("tampered-body"),
                "checks=" + o.checks)).result();
      } catch (ChildFailed e) {
        verdicts.add(new Verdict(client, false, "the check run failed: " + firstError(e.getMessage())));
        continue;
      }
      int badAnswered = server.awaitAnswered("bad-signature", bad0 + o.checks) - bad0;
      int tamperedAnswered = server.awaitAnswered("tampered-body", tampered0 + o.checks) - tampered0;
      int badRejected = ((Number) r.get("badRejected")).intValue();
      int tamperedRejected = ((Number) r.get("tamperedRejected")).intValue();
      boolean passed = "ok".equals(r.get("good")) && badRejected == o.checks && tamperedRejected == o.checks
          && badAnswered == o.checks && tamperedAnswered == o.checks;
      String detail = String.format(Locale.ROOT,
          "good call: %s; wrong key: %d/%d rejected (%s); tampered body: %d/%d rejected (%s); server answered %d+%d",
          r.get("good"), badRejected, o.checks, r.get("badException"), tamperedRejected, o.checks,
          r.get("tamperedException"), badAnswered, tamperedAnswered);
      verdicts.add(new Verdict(client, passed, detail));
    }
    return verdicts;
  }

  /** The first line that names an exception, for a table cell; the whole output is in the child's log. */
  private static String firstError(String output) {
    for (String line : output.split("\n")) {
      if (line.contains("Exception") || line.contains("Error")) {
        return line.trim().replace('|', '/');
      }
    }
    return output.lines().findFirst().orElse("").replace('|', '/');
  }

  /** One setting's figures: client → the result of each round. */
  private record Setting(String tls, String provider, int threads) {
    String title() {
      return (tls.equals("on") ? "https" : "http") + ", provider " + provider + ", " + threads
          + (threads == 1 ? " thread" : " threads");
    }
  }

  private static int runBenchmark(Options o, Path keys) throws Exception {
    long runs = (long) o.tls.size() * o.providers.size() * o.clients.size()
        * (o.threads.size() * o.rounds + o.coldRepeats + 1);
    System.out.printf("%d child JVMs: rounds %d, warm-up %d, calls %d, threads %s, tls %s, providers %s, clients %s%n",
        runs, o.rounds, o.warmup, o.calls, o.threads, o.tls, o.providers, o.clients);
    System.out.println("load: " + Files.readString(Path.of("/proc/loadavg")).trim());
    Map<Setting, Map<String, List<Map<String, Object>>>> results = new LinkedHashMap<>();
    Map<String, Map<String, List<Double>>> cold = new LinkedHashMap<>(); // tls/provider → client → ms
    Map<String, List<Verdict>> failedChecks = new LinkedHashMap<>();
    boolean anyFailed = false;
    for (String tls : o.tls) {
      try (Server server = Server.start(keys, tls.equals("on"), o.out)) {
        for (String provider : o.providers) {
          List<String> clients = new ArrayList<>();
          for (Verdict verdict : check(o, keys, server, provider, o.clients)) {
            if (verdict.passed()) {
              clients.add(verdict.client());
            } else {
              anyFailed = true;
              failedChecks.computeIfAbsent(tls + "/" + provider, k -> new ArrayList<>()).add(verdict);
              System.out.println("NOT REPORTED, failed the check: " + verdict.client() + " — " + verdict.detail());
            }
          }
          Map<String, List<Double>> coldHere = new LinkedHashMap<>();
          for (int repeat = 0; repeat < o.coldRepeats; repeat++) {
            for (String client : rotate(clients, repeat)) {
              double ms = child(o, keys, server, provider, client, "cold", List.of()).firstCallMillis();
              coldHere.computeIfAbsent(client, k -> new ArrayList<>()).add(ms);
            }
          }
          cold.put(tls + "/" + provider, coldHere);
          for (int threads : o.threads) {
            Setting setting = new Setting(tls, provider, threads);
            Map<String, List<Map<String, Object>>> here = new LinkedHashMap<>();
            for (String client : clients) {
              here.put(client, new ArrayList<>());
            }
            results.put(setting, here);
            for (int round = 0; round < o.rounds; round++) {
              for (String client : rotate(clients, round)) {
                Map<String, Object> r = child(o, keys, server, provider, client, "measure",
                    List.of("threads=" + threads, "warmup=" + o.warmup, "calls=" + o.calls)).result();
                here.get(client).add(r);
                System.out.printf(Locale.ROOT, "  %s round %d %s: %.0f µs CPU/call, %.0f calls/s, %.1f KB/call%n",
                    setting.title(), round + 1, client, num(r, "cpuUsPerCall"), num(r, "callsPerSecond"),
                    num(r, "allocBytesPerCall") / 1024);
              }
            }
          }
        }
      }
    }
    report(o, results, cold, failedChecks);
    return anyFailed ? 1 : 0;
  }

  private static <T> List<T> rotate(List<T> list, int by) {
    List<T> rotated = new ArrayList<>(list);
    if (!rotated.isEmpty()) {
      Collections.rotate(rotated, -(by % rotated.size()));
    }
    return rotated;
  }

  private static double num(Map<String, Object> r, String key) {
    return ((Number) r.get(key)).doubleValue();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double medianOf(List<Map<String, Object>> runs, String key) {
    return median(runs.stream().map(r -> num(r, key)).toList());
  }

  private static final String[][] COLUMNS = {
    {"cpuUsPerCall", "CPU µs/call"}, {"callsPerSecond", "calls/s"}, {"allocBytesPerCall", "alloc KB/call"},
    {"p50Us", "p50 µs"}, {"p99Us", "p99 µs"},
  };

  private static void report(Options o, Map<Setting, Map<String, List<Map<String, Object>>>> results,
      Map<String, Map<String, List<Double>>> cold, Map<String, List<Verdict>> failedChecks) throws IOException {
    StringBuilder md = new StringBuilder("# Whole-call benchmark\n\n");
    md.append(String.format(Locale.ROOT,
        "Medians of %d fresh-JVM rounds per client (clients alternating), %d warm-up + %d measured calls each; "
            + "cold start: median of %d. JVM flags %s; load when finished: %s. Ratios are to `official` in the "
            + "same setting (calls/s: higher is better; the others: lower is better).%n%n",
        o.rounds, o.warmup, o.calls, o.coldRepeats, JVM_FLAGS, Files.readString(Path.of("/proc/loadavg")).trim()));
    StringBuilder csv = new StringBuilder(
        "tls,provider,threads,client,round,cpuUsPerCall,callsPerSecond,allocBytesPerCall,heapBytesPerCall,threadsEnded,p50Us,p99Us,liveThreads\n");
    for (var entry : results.entrySet()) {
      Setting s = entry.getKey();
      Map<String, List<Map<String, Object>>> byClient = entry.getValue();
      Map<String, List<Double>> coldHere = cold.getOrDefault(s.tls() + "/" + s.provider(), Map.of());
      md.append("## ").append(s.title()).append("\n\n| client |");
      for (String[] column : COLUMNS) {
        md.append(' ').append(column[1]).append(" | × |");
      }
      md.append(" cold start ms | × | heap-check KB/call | threads ended | live threads |\n|---|");
      md.append("---:|---:|".repeat(COLUMNS.length + 1)).append("---:|---:|---:|\n");
      List<Map<String, Object>> official = byClient.get("official");
      for (var clientRuns : byClient.entrySet()) {
        List<Map<String, Object>> runs = clientRuns.getValue();
        md.append("| ").append(clientRuns.getKey()).append(" |");
        for (String[] column : COLUMNS) {
          double value = medianOf(runs, column[0]);
          double shown = column[0].equals("allocBytesPerCall") ? value / 1024 : value;
          md.append(String.format(Locale.ROOT, column[0].equals("allocBytesPerCall") ? " %.1f |" : " %.0f |", shown));
          md.append(official == null ? " – |"
              : String.format(Locale.ROOT, " %.2f |", value / medianOf(official, column[0])));
        }
        List<Double> coldMs = coldHere.get(clientRuns.getKey());
        List<Double> officialCold = coldHere.get("official");
        md.append(coldMs == null ? " – | – |" : String.format(Locale.ROOT, " %.0f | %s |", median(coldMs),
            officialCold == null ? "–" : String.format(Locale.ROOT, "%.2f", median(coldMs) / median(officialCold))));
        md.append(String.format(Locale.ROOT, " %.1f | %.0f | %.0f |%n", medianOf(runs, "heapBytesPerCall") / 1024,
            runs.stream().mapToDouble(r -> num(r, "threadsEnded")).max().orElse(0), medianOf(runs, "liveThreads")));
        for (int i = 0; i < runs.size(); i++) {
          Map<String, Object> r = runs.get(i);
          csv.append(String.join(",", s.tls(), s.provider(), String.valueOf(s.threads()), clientRuns.getKey(),
              String.valueOf(i + 1)));
          for (String key : List.of("cpuUsPerCall", "callsPerSecond", "allocBytesPerCall", "heapBytesPerCall",
              "threadsEnded", "p50Us", "p99Us", "liveThreads")) {
            csv.append(',').append(r.get(key));
          }
          csv.append('\n');
        }
      }
      md.append('\n');
    }
    for (var entry : failedChecks.entrySet()) {
      for (Verdict verdict : entry.getValue()) {
        md.append("Not reported (").append(entry.getKey()).append("), failed the verification check: `")
            .append(verdict.client()).append("`: ").append(verdict.detail()).append("\n\n");
      }
    }
    md.append(METHOD);
    Files.writeString(o.out.resolve("whole-call.md"), md);
    Files.writeString(o.out.resolve("whole-call.csv"), csv);
    Map<String, Object> json = new LinkedHashMap<>();
    List<Map<String, Object>> runsJson = new ArrayList<>();
    results.forEach((s, byClient) -> byClient.forEach((client, runs) -> runs.forEach(r -> {
      Map<String, Object> row = new LinkedHashMap<>(r);
      row.put("tls", s.tls());
      runsJson.add(row);
    })));
    json.put("runs", runsJson);
    json.put("coldStartMs", cold);
    Type type = Types.newParameterizedType(Map.class, String.class, Object.class);
    JsonAdapter<Map<String, Object>> adapter = new Moshi.Builder().build().adapter(type);
    Files.writeString(o.out.resolve("whole-call.json"), adapter.indent("  ").toJson(json));
    System.out.println();
    System.out.println(md);
    System.out.println("written: " + o.out.resolve("whole-call.md") + ", .csv, .json");
  }

  static final String METHOD = """
      ### How it is measured

      - One `BenchServer` JVM per TLS setting (hand-rolled HTTP/1.1 keep-alive, TCP_NODELAY, header names in
        WeChat Pay's case), verifying each request's signature and signing answers in public-key mode; it signs
        once per second (fresh nonce per timestamp), so its own RSA cost stays small. It shares the 2 CPUs
        with the client, alike for every client.
      - Each run is a fresh client JVM: build the client, warm-up calls, then the measured calls split over
        the caller threads (each call returns after a verified, decoded answer).
      - CPU/call: `OperatingSystemMXBean.getProcessCpuTime` delta over the measured calls / calls (the
        whole client process: callers, HTTP threads, JIT, GC, and the allocation sampler).
      - alloc/call: `ThreadMXBean.getThreadAllocatedBytes` summed over all threads. JDK 17 forgets a thread's
        count when it ends, so a sampler reads every thread every 10 ms and keeps the last value seen; a
        thread that ends in the window loses at most 10 ms (the "threads ended" column counts them). The
        heap check: heap used after − before + what each collection freed (GC notifications); it agrees
        with the thread sum up to the TLABs open at either end.
      - Latency: each call's wall time on its caller thread. Cold start: from `ProcessBuilder.start()` to the
        child's line after its first verified call (JVM start, class loading, key loading, client build,
        TLS handshake); every child has this module's whole class path, all endpoint jars included.
      - `official` (wechatpay-java 0.2.17, `RSAPublicKeyConfig`, `CashCouponsService.restartStock`) reaches
        the loopback server through an OkHttp interceptor that rewrites scheme/host/port (its services only
        know WeChat Pay's hosts); with TLS its OkHttp client gets an SSLSocketFactory trusting the server.
      - `wxpay-default` is `WechatPay.builder()` without `.transport(...)`; with TLS the child first makes
        the trusting SSLContext the JVM default (`SSLContext.setDefault`), which the default transport's
        HttpClient picks up. `wxpay-<t>` passes `BenchTransports.create(t, sslContext)`.
      - Every client passes the check first (a good answer accepted; every answer signed with a wrong key or
        over another body rejected, each one answered by the server); one that does not is not reported.
      """;

  // ---- child processes -------------------------------------------------------------------------------

  static final class ChildFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ChildFailed(String message) {
      super(message);
    }
  }

  record ChildOutput(Map<String, Object> result, double firstCallMillis) {}

  private static final JsonAdapter<Map<String, Object>> RESULT =
      new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  static List<String> javaCommand(String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    return command;
  }

  static ChildOutput child(Options o, Path keys, Server server, String provider, String client, String task,
      List<String> extra) throws Exception {
    List<String> command = javaCommand(ClientMain.class.getName());
    command.addAll(List.of("task=" + task, "client=" + client, "keys=" + keys, "url=" + server.url("good"),
        "provider=" + provider));
    if (server.certificate != null) {
      command.add("cert=" + server.certificate);
    }
    command.addAll(extra);
    Path log = o.out.resolve("whole-call-logs").resolve(task + "-" + client + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    double firstCall = -1;
    Map<String, Object> result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("FIRST_CALL_DONE") && firstCall < 0) {
          firstCall = (System.nanoTime() - start) / 1e6;
        } else if (line.startsWith("RESULT ")) {
          result = RESULT.fromJson(line.substring("RESULT ".length()));
        }
      }
    }
    if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new ChildFailed(client + " " + task + " timed out");
    }
    boolean expected = task.equals("cold") ? firstCall >= 0 : result != null;
    if (process.exitValue() != 0 || !expected) {
      List<String> lines = Files.readAllLines(log);
      throw new ChildFailed(client + " " + task + " exited " + process.exitValue() + ": "
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
    }
    return new ChildOutput(result, firstCall);
  }

  /** The loopback server JVM, with a listener per mode. */
  static final class Server implements AutoCloseable {
    private static final List<String> MODES = List.of("good", "bad-signature", "tampered-body");
    private final Process process;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final boolean tls;
    private volatile String certificate;

    private Server(Process process, boolean tls) {
      this.process = process;
      this.tls = tls;
      for (String mode : MODES) {
        answered.put(mode, new AtomicInteger());
      }
    }

    static Server start(Path keys, boolean tls, Path out) throws Exception {
      List<String> command = javaCommand(BenchServer.class.getName());
      command.add(keys.toString());
      command.add(tls ? "tls=on" : "tls=off");
      command.addAll(MODES);
      Path log = out.resolve("whole-call-logs").resolve("server.log");
      Files.createDirectories(log.getParent());
      Server server = new Server(new ProcessBuilder(command).redirectError(log.toFile()).start(), tls);
      BufferedReader lines = new BufferedReader(new InputStreamReader(server.process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = lines.readLine(); ; line = lines.readLine()) {
        if (line == null) {
          throw new IllegalStateException("server ended: " + Files.readString(log));
        }
        String[] parts = line.split(" ");
        if (parts[0].equals("LISTEN")) {
          server.ports.put(parts[1], Integer.valueOf(parts[2]));
        } else if (parts[0].equals("CERT")) {
          server.certificate = parts[1];
        } else if (parts[0].equals("READY")) {
          break;
        }
      }
      Thread reader = new Thread(() -> {
        try {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("ANSWERED ")) {
              server.answered.get(line.substring("ANSWERED ".length())).incrementAndGet();
            }
          }
        } catch (IOException e) {
          // the server ended
        }
      }, "server-output");
      reader.setDaemon(true);
      reader.start();
      return server;
    }

    String url(String mode) {
      return (tls ? "https" : "http") + "://127.0.0.1:" + ports.get(mode) + "/";
    }

    int answered(String mode) {
      return answered.get(mode).get();
    }

    /** The count once it reaches {@code expected}, or after 2 s: the output may lag the answer a little. */
    int awaitAnswered(String mode, int expected) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (answered(mode) < expected && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      return answered(mode);
    }

    @Override
    public void close() throws IOException {
      process.getOutputStream().close(); // the server exits when its standard input closes
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
