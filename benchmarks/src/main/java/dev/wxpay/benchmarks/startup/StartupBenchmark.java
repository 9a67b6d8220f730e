package dev.wxpay.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVM start → first verified call, wxpay (default transport, public-key mode) against the official SDK,
 * each in fresh JVMs taking turns, against one {@link StartupServer} in its own JVM. The time runs from
 * {@code ProcessBuilder.start()} to the child's "done" line, after its verified, decoded answer. Each client
 * gets a class path of its own jars only (wxpay: runtime, payments, Moshi, Bouncy Castle; official: its SDK,
 * OkHttp, Gson), so neither pays for opening the other's jars.
 *
 * <p>Run (builds first): {@code mvn -B -o -q -pl benchmarks -am package -DskipTests exec:exec@startup
 * -Dexec.executable=java -Dstartup.args="7 --steps --classes"}; or {@code java -cp <this module's class path>
 * dev.wxpay.benchmarks.startup.StartupBenchmark [rounds] [--steps] [--classes] [-- JVM flags for the
 * clients]}. {@code --steps} runs wxpay's pieces one by one first and reports each one's first-time cost;
 * {@code --classes} runs each client once more with {@code -Xlog:class+load} and counts the classes each
 * loads, by package group and by phase. {@code -Dstartup.runtimes=before=<jar>,...} (a JVM flag of this
 * main) adds a client per entry that runs wxpay on that wxpay-runtime jar instead, to measure changes side by
 * side. Under load, trust the CPU column (all threads of the child) more than the wall time.
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  private static final Pattern LOAD = Pattern.compile("^\\[([0-9.]+)s\\] (\\S+) source: (.*)$");

  public static void main(String[] args) throws Exception {
    int rounds = 7;
    boolean steps = false;
    boolean classes = false;
    List<String> jvmFlags = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--steps" -> steps = true;
        case "--classes" -> classes = true;
        case "--" -> {
          jvmFlags.addAll(List.of(args).subList(i + 1, args.length));
          i = args.length;
        }
        default -> rounds = Integer.parseInt(args[i]);
      }
    }
    Path dir = Files.createTempDirectory("wxpay-startup");
    writeKeys(dir);
    List<String> all = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    Map<String, Client> clients = new LinkedHashMap<>();
    clients.put("wxpay", new Client(WxpayFirstCall.class.getName(), only(all, "wxpay-runtime", "wxpay-annotations",
        "wxpay-endpoints-payments-0", "endpoints/payments/target", "moshi", "okio", "kotlin-stdlib", "bcprov",
        "bcpkix", "bcutil", "jspecify"), steps ? List.of("steps") : List.of()));
    // Other builds of wxpay-runtime (e.g. main's) in place of this one, to measure changes side by side.
    for (String variant : System.getProperty("startup.runtimes", "").split(",")) {
      if (variant.isEmpty()) {
        continue;
      }
      String[] nameAndJar = variant.split("=", 2);
      Client wxpay = clients.get("wxpay");
      clients.put(nameAndJar[0], new Client(wxpay.main(), wxpay.classPath().replaceAll(
          "[^" + File.pathSeparator + "]*wxpay-runtime-[^" + File.pathSeparator + "]*\\.jar", nameAndJar[1]),
          wxpay.args()));
    }
    clients.put("official", new Client(OfficialFirstCall.class.getName(), only(all, "wechatpay-java", "okhttp",
        "okio", "kotlin-stdlib", "gson", "slf4j", "httpclient", "httpcore", "httpmime", "commons-"), List.of()));

    Process server = new ProcessBuilder(java(), "-cp", String.join(File.pathSeparator, all),
        StartupServer.class.getName(), dir.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader serverOut =
          new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String portLine = serverOut.readLine();
      if (portLine == null || !portLine.startsWith("port ")) {
        throw new IllegalStateException("server did not start: " + portLine);
      }
      String port = portLine.substring(5);
      System.out.printf("load: %s; JVM flags of the clients: %s%n", loadAverage(), jvmFlags);
      // One discarded run each: warms the server, the page cache and the JDK's CDS archive mapping.
      Map<String, List<Run>> runs = new LinkedHashMap<>();
      for (String name : clients.keySet()) {
        run(clients.get(name), port, dir, jvmFlags);
        runs.put(name, new ArrayList<>());
      }
      List<String> names = new ArrayList<>(clients.keySet());
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < names.size(); k++) {
          String name = names.get((r + k) % names.size());
          runs.get(name).add(run(clients.get(name), port, dir, jvmFlags));
        }
      }
      report(runs, rounds);
      if (classes) {
        for (Map.Entry<String, Client> client : clients.entrySet()) {
          Path log = dir.resolve(client.getKey() + "-classes.log");
          List<String> flags = new ArrayList<>(jvmFlags);
          flags.add("-Xlog:class+load=info:file=" + log + ":uptime");
          Run run = run(client.getValue(), port, dir, flags);
          classReport(client.getKey(), log, run.markers());
        }
      }
      System.out.printf("load: %s%n", loadAverage());
    } finally {
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
  }

  private record Client(String main, String classPath, List<String> args) {}

  /** One run: wall time from start() to "done", the child's time in main, and its phases. */
  private record Run(
      long totalNanos, long mainNanos, long cpuNanos, Map<String, Long> phases, Map<String, String> markers) {}

  private static Run run(Client client, String port, Path dir, List<String> jvmFlags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(client.classPath());
    command.add(client.main());
    command.add(port);
    command.add(dir.toString());
    command.addAll(client.args());
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = builder.start();
    Map<String, Long> phases = new LinkedHashMap<>();
    Map<String, String> markers = new LinkedHashMap<>();
    long main = -1;
    long total = -1;
    long cpu = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("done")) {
          total = System.nanoTime() - start;
          cpu = cpuNanos(process.pid());
        } else if (line.startsWith("phase ")) {
          String[] parts = line.split(" ");
          phases.put(parts[1], Long.parseLong(parts[2]));
          markers.put(parts[3], parts[1]);
        } else if (line.startsWith("main ")) {
          main = Long.parseLong(line.substring(5));
        }
      }
    }
    if (process.waitFor() != 0 || total < 0) {
      throw new IllegalStateException(client.main() + " failed (exit " + process.exitValue() + ")");
    }
    return new Run(total, main, cpu, phases, markers);
  }

  /**
   * CPU time of all threads of a process so far (JIT and GC included), from Linux's /proc in clock ticks of
   * 10 ms; steadier than wall time on a busy machine. -1 elsewhere.
   */
  private static long cpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static void report(Map<String, List<Run>> runs, int rounds) {
    System.out.printf("JVM start → first verified call, median of %d runs each, ms (min–max of total; CPU: all"
        + " threads of the client JVM until then, 10 ms ticks)%n", rounds);
    for (Map.Entry<String, List<Run>> client : runs.entrySet()) {
      List<Run> list = client.getValue();
      long[] totals = list.stream().mapToLong(Run::totalNanos).sorted().toArray();
      long total = median(list.stream().mapToLong(Run::totalNanos).toArray());
      long main = median(list.stream().mapToLong(Run::mainNanos).toArray());
      long cpu = median(list.stream().mapToLong(Run::cpuNanos).toArray());
      System.out.printf("  %-12s total %6.1f (%6.1f–%6.1f)   CPU %6.0f   JVM start→main %6.1f   main→done %6.1f%n",
          client.getKey(), ms(total), ms(totals[0]), ms(totals[totals.length - 1]), ms(cpu), ms(total - main),
          ms(main));
      for (String phase : list.get(0).phases().keySet()) {
        long value = median(list.stream().mapToLong(run -> run.phases().get(phase)).toArray());
        System.out.printf("      %-20s %6.1f%n", phase, ms(value));
      }
    }
  }

  /** Classes loaded, by group, in all and from outside the CDS archive, and per phase (between markers). */
  private static void classReport(String client, Path log, Map<String, String> markers) throws IOException {
    Map<String, int[]> groups = new TreeMap<>();
    // Classes loaded since the last marker, and the time since it: they belong to the phase the next ends.
    Map<String, Map<String, Integer>> byPhase = new LinkedHashMap<>();
    Map<String, Integer> current = new TreeMap<>();
    String phase = "JVM start→main+read-pem";
    double phaseStart = 0;
    Map<String, Double> phaseMillis = new LinkedHashMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = LOAD.matcher(line);
      if (!m.find()) {
        continue;
      }
      double at = Double.parseDouble(m.group(1)) * 1000;
      String name = m.group(2);
      if (name.startsWith(StartupBenchmark.class.getPackageName() + ".Phases$M")) {
        String ended = markers.getOrDefault(name.substring(name.lastIndexOf('$') + 1), name);
        if (!ended.equals("read-pem")) {
          phase = ended;
        }
        phaseMillis.put(phase, at - phaseStart);
        byPhase.put(phase, current);
        current = new TreeMap<>();
        phaseStart = at;
        continue;
      }
      String group = group(name);
      int[] counts = groups.computeIfAbsent(group, g -> new int[2]);
      counts[0]++;
      if (!m.group(3).contains("shared objects file")) {
        counts[1]++;
      }
      current.merge(group, 1, Integer::sum);
    }
    System.out.printf("%nclasses loaded by %s (all / not from the CDS archive):%n", client);
    int total = 0;
    for (Map.Entry<String, int[]> g : groups.entrySet()) {
      System.out.printf("  %-22s %5d / %5d%n", g.getKey(), g.getValue()[0], g.getValue()[1]);
      total += g.getValue()[0];
    }
    System.out.printf("  %-22s %5d%n", "total", total);
    System.out.printf("by phase (ms by the log's clock, slowed by the logging; classes by group):%n");
    for (Map.Entry<String, Map<String, Integer>> p : byPhase.entrySet()) {
      Double millis = phaseMillis.get(p.getKey());
      System.out.printf("  %-24s %7s  %s%n", p.getKey(), millis == null ? "" : String.format("%.1f", millis),
          p.getValue());
    }
  }

  private static String group(String name) {
    if (name.startsWith("java.net.http.") || name.startsWith("jdk.internal.net.http.")) {
      return "JDK java.net.http";
    }
    if (name.startsWith("sun.security.") || name.startsWith("java.security.") || name.startsWith("javax.crypto.")
        || name.startsWith("com.sun.crypto.") || name.startsWith("javax.security.")) {
      return "JDK security";
    }
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("sun.")
        || name.startsWith("jdk.") || name.startsWith("com.sun.")) {
      return "JDK other";
    }
    if (name.startsWith("org.bouncycastle.")) {
      return "Bouncy Castle";
    }
    if (name.startsWith("com.squareup.moshi.") || name.startsWith("okio.") || name.startsWith("kotlin.")) {
      return "Moshi/okio/kotlin";
    }
    if (name.startsWith("dev.wxpay.benchmarks.")) {
      return "harness";
    }
    if (name.startsWith("dev.wxpay.endpoints.")) {
      return "wxpay endpoints";
    }
    if (name.startsWith("dev.wxpay.")) {
      return "wxpay runtime";
    }
    if (name.startsWith("com.wechat.pay.")) {
      return "official SDK";
    }
    if (name.startsWith("okhttp3.") || name.startsWith("com.google.gson.") || name.startsWith("org.slf4j.")
        || name.startsWith("org.apache.")) {
      return "official deps";
    }
    return "other";
  }

  private static String only(List<String> classPath, String... patterns) {
    List<String> kept = new ArrayList<>();
    for (String entry : classPath) {
      boolean harness = entry.endsWith("benchmarks/target/classes") || entry.endsWith("benchmarks/target/classes/");
      for (String pattern : patterns) {
        if (harness || entry.contains(pattern)) {
          kept.add(entry);
          break;
        }
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  private static void writeKeys(Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair merchant = generator.generateKeyPair();
    KeyPair platform = generator.generateKeyPair();
    Files.writeString(dir.resolve("merchant.key.pem"), pem("PRIVATE KEY", merchant.getPrivate().getEncoded()));
    Files.write(dir.resolve("merchant.pub.der"), merchant.getPublic().getEncoded());
    Files.write(dir.resolve("platform.key.der"), platform.getPrivate().getEncoded());
    Files.writeString(dir.resolve("platform.pub.pem"), pem("PUBLIC KEY", platform.getPublic().getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
