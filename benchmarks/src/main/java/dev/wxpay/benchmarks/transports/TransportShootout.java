package dev.wxpay.benchmarks.transports;

import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNo;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.http.HttpTransport;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A first comparison of the transports under wxpay: the order query (GET, signed request, verified and
 * decoded answer) against {@link SignedAnswerServer} in a child JVM, one caller thread, the transports taking
 * turns round after round so that machine noise falls on all of them alike. Prints the client process's CPU
 * per call and calls per second, median over the rounds, and each as a ratio to the JDK transport.
 *
 * <p>Arguments (all optional): {@code tls|plain} (default tls), calls per round (2000), rounds (7), and a
 * comma-separated list of transports (default all of {@link BenchTransports#ALL}).
 */
public final class TransportShootout {
  static final char[] STORE_PASSWORD = "shootout".toCharArray();

  private TransportShootout() {}

  public static void main(String[] args) throws Exception {
    boolean tls = args.length < 1 || !args[0].equals("plain");
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    List<String> names = args.length > 3 ? List.of(args[3].split(",")) : List.copyOf(BenchTransports.ALL.keySet());

    Path dir = Files.createTempDirectory("wxpay-shootout");
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair wechatpay = rsa.generateKeyPair();
    KeyPair merchant = rsa.generateKeyPair();
    Path keyFile = dir.resolve("wechatpay.key");
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(wechatpay.getPrivate().getEncoded()));
    Path store = dir.resolve("server.p12");
    SSLContext ssl = SSLContext.getDefault();
    if (tls) {
      keytool(store);
      ssl = trusting(store);
    }

    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Idle connections stay open (default 30 s): a transport waiting its turn must not find its pooled
        // connection closed, which OkHttp, its own retries off, reports as a failed call.
        "-Dsun.net.httpserver.nodelay=true", "-Dsun.net.httpserver.idleInterval=3600", "-cp", System.getProperty("java.class.path"),
        SignedAnswerServer.class.getName(), keyFile.toString(), tls ? store.toString() : "plain")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      int port = Integer.parseInt(
          new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII)).readLine());
      URI base = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port + "/");
      System.out.printf(Locale.ROOT, "TransportShootout: %s, %d calls x %d rounds per transport, 1 thread, JDK %s,"
          + " %d CPUs, load %.2f%n", tls ? "HTTPS" : "HTTP", calls, rounds, System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

      Map<String, HttpTransport> transports = new LinkedHashMap<>();
      Map<String, OutTradeNoByOutTradeNo> clients = new LinkedHashMap<>();
      for (String name : names) {
        HttpTransport transport = BenchTransports.create(name, ssl);
        transports.put(name, transport);
        WechatPay wxpay = WechatPay.builder()
            .merchant("1900000001", "SERIAL", merchant.getPrivate())
            .wechatpayPublicKey(SignedAnswerServer.KEY_ID, wechatpay.getPublic())
            .baseUri(base)
            .transport(transport)
            .build();
        clients.put(name, wxpay.create(OutTradeNoByOutTradeNo.class));
      }
      for (String name : names) {
        run(clients.get(name), Math.max(calls, 3000)); // warm-up
      }
      Map<String, double[]> cpu = new LinkedHashMap<>();
      Map<String, double[]> rate = new LinkedHashMap<>();
      for (String name : names) {
        cpu.put(name, new double[rounds]);
        rate.put(name, new double[rounds]);
      }
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(names);
        java.util.Collections.rotate(order, round);
        for (String name : order) {
          long cpu0 = processCpuNanos();
          long wall0 = System.nanoTime();
          run(clients.get(name), calls);
          long wall = System.nanoTime() - wall0;
          cpu.get(name)[round] = (processCpuNanos() - cpu0) / 1e3 / calls;
          rate.get(name)[round] = calls / (wall / 1e9);
        }
      }
      double jdkCpu = median(cpu.getOrDefault("jdk", cpu.values().iterator().next()));
      double jdkRate = median(rate.getOrDefault("jdk", rate.values().iterator().next()));
      System.out.printf(Locale.ROOT, "%-13s %12s %8s %10s %8s   %s%n", "transport", "CPU us/call", "vs jdk",
          "calls/s", "vs jdk", "CPU us/call per round");
      for (String name : names) {
        double c = median(cpu.get(name));
        double r = median(rate.get(name));
        System.out.printf(Locale.ROOT, "%-13s %12.0f %8.2f %10.0f %8.2f   %s%n", name, c, c / jdkCpu, r, r / jdkRate,
            Arrays.toString(Arrays.stream(cpu.get(name)).mapToLong(Math::round).toArray()));
      }
      System.out.printf(Locale.ROOT, "load after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      transports.values().forEach(HttpTransport::close);
    } finally {
      server.getOutputStream().close();
      server.destroy();
    }
  }

  private static void run(OutTradeNoByOutTradeNo client, int calls) {
    for (int i = 0; i < calls; i++) {
      if (client.get("1217752501201407033233368018", "1900000001").tradeState() == null) {
        throw new AssertionError("no trade_state");
      }
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void keytool(Path store) throws IOException, InterruptedException {
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IOException("keytool failed: " + output);
    }
  }

  /** A client context that trusts the server's self-signed certificate only. */
  private static SSLContext trusting(Path store) throws GeneralSecurityException, IOException {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      server.load(in, STORE_PASSWORD);
    }
    Certificate certificate = server.getCertificate("server");
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("server", certificate);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
