package dev.wxpay.benchmarks;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the first call costs with every endpoint artifact on the class path: {@code wxpay.create(Jsapi.class)}
 * plus one {@code post} of a JSAPI order to a stubbed sandbox, and the same first call through
 * {@code PaymentsApi.of(wxpay).v3().pay().transactions().jsapi().post(...)}, under three class paths:
 * (a) wxpay-endpoints-payments only, (b) every wxpay-endpoints-&lt;family&gt; jar, (c) those and their
 * -kotlin companions. Ratios b/a and c/a of the medians say what the other artifacts add.
 *
 * <p>Each first call runs in a fresh class loader (parent: the platform loader, the thread's context loader
 * while it runs) holding this module's class path: wxpay-runtime, wxpay-testkit and their dependencies, with
 * the configuration's endpoint jars first, where an application that depends on them (or on wxpay-endpoints)
 * has them, so that every lookup of another class walks past them. Every wxpay, Moshi and Bouncy Castle class
 * thus loads and initialises as in a new JVM; the JDK's own classes and compiled code are shared, and warm
 * after the discarded warm-up rounds, so the figures are wxpay's first call in a warm JVM, not a JVM start.
 * In that loader {@link FirstCall} starts a sandbox, sends it one unsigned request (which warms the sandbox's
 * own request handling), builds a client, waits 300 ms for the JIT threads to go quiet, then times create plus
 * the post; the sandbox's side of that call is in the time, its start and key generation and the client build
 * are not. Configurations alternate, in an order that rotates each round, so that drift hits them alike.
 *
 * <p>Figures, in ms: the wall time of create + post, of create alone, and the CPU time all threads of the JVM
 * spent meanwhile (JIT and GC included; from {@code /proc}, so Linux only), steadier than the wall time on a
 * busy machine; the same through {@code PaymentsApi}; and "open jars", the first class lookup in the fresh
 * loader, which walks past the endpoint jars and so opens each (reads its central directory). That last cost
 * comes with the class path, not with the call: here it falls in the set-up, in an application wherever the
 * first lookup walks past the jars (at the latest building the {@code WechatPay}).
 *
 * <p>The endpoint jars are found on this module's class path (it depends on every family artifact and its
 * -kotlin companion) by name alone: a jar named {@code wxpay-endpoints-<family>[-kotlin]-<version>.jar} (in a
 * module's {@code target} after {@code package}, or in a local repository) or a reactor module's
 * {@code endpoints/<family>[-kotlin]/target/classes}; the families are those found, payments is required. The
 * harness never opens them itself. Under exec:java nothing else does either; under a plain {@code java -cp}
 * the JDK's own service lookups through the system class loader open every jar on it, so fresh loaders share
 * them and "open jars" comes out too low (the harness says so when it happens).
 *
 * <p>Run (the build takes minutes, the measurement about one):
 * {@code mvn -B -ntp -o -q -DskipTests -pl benchmarks -am package exec:java
 * -Dexec.mainClass=dev.wxpay.benchmarks.FirstCallBenchmark} ({@code -Dexec.args="7 5"}: repeats, discarded
 * warm-up rounds).
 */
public final class FirstCallBenchmark {
  private FirstCallBenchmark() {}

  private static final Pattern JAR = Pattern.compile("wxpay-endpoints-([a-z]+)(-kotlin)?-\\d[^/]*\\.jar");
  private static final Pattern CLASSES = Pattern.compile(".*/endpoints/([a-z]+)(-kotlin)?/target/classes/?");

  /**
   * {@link FirstCall}, by name: this class never loads it, so this class's own loader never reads (nor opens)
   * an endpoint jar.
   */
  private static final String DRIVER = "dev.wxpay.benchmarks.FirstCall";

  /** The figures of each configuration, as the table heads them. */
  private static final List<String> FIGURES =
      List.of("create+post", "of which create", "CPU", "via PaymentsApi", "CPU", "open jars");

  /** A class path entry of an endpoint artifact. */
  private record EndpointEntry(Path path, String family, boolean kotlin) {}

  /** A class path to measure under: its endpoint entries, which come first, and a label. */
  private record Configuration(String label, List<EndpointEntry> endpoints) {
    long bytes() {
      long sum = 0;
      for (EndpointEntry entry : endpoints) {
        sum += size(entry.path());
      }
      return sum;
    }
  }

  public static void main(String[] args) throws Exception {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;

    Path own = Path.of(FirstCallBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<EndpointEntry> endpoints = new ArrayList<>();
    List<Path> rest = new ArrayList<>();
    for (Path entry : classPath()) {
      EndpointEntry endpoint = endpointEntry(entry);
      if (endpoint != null) {
        endpoints.add(endpoint);
      } else if (!entry.equals(own)) {
        rest.add(entry);
      }
    }
    List<EndpointEntry> payments = endpoints.stream()
        .filter(e -> e.family().equals("payments") && !e.kotlin()).toList();
    List<EndpointEntry> families = endpoints.stream().filter(e -> !e.kotlin()).toList();
    if (payments.size() != 1) {
      throw new IllegalStateException("expected wxpay-endpoints-payments once on the class path, found " + payments
          + "; run with exec:java from the benchmarks module (see the Javadoc)");
    }
    Set<String> names = new TreeSet<>();
    families.forEach(e -> names.add(e.family()));
    long companions = endpoints.stream().filter(EndpointEntry::kotlin).count();
    List<Configuration> configurations = List.of(
        new Configuration("(a) wxpay-endpoints-payments", payments),
        new Configuration("(b) all " + families.size() + " wxpay-endpoints-<family>", families),
        new Configuration("(c) (b) and " + companions + " -kotlin companions", endpoints));
    System.out.printf(Locale.ROOT, "endpoint families on the class path: %s%n", String.join(", ", names));
    System.out.printf(Locale.ROOT, "each fresh class loader: %s, the endpoint jars, then %s%n", own,
        String.join(" ", rest.stream().map(p -> String.valueOf(p.getFileName())).toList()));

    // [configuration][figure][repeat] in ms, the figures in the order of FIGURES.
    int n = configurations.size();
    double[][][] ms = new double[n][FIGURES.size()][repeats];
    for (int r = -warmups; r < repeats; r++) {
      if (r == 0) {
        warnIfOpen();
      }
      for (boolean navigation : new boolean[] {false, true}) {
        for (int i = 0; i < n; i++) {
          // Interleaved, in an order that rotates each round: drift and position hit all alike.
          int c = Math.floorMod(r + i, n);
          long[] nanos = firstCall(own, configurations.get(c), rest, navigation);
          if (r >= 0 && navigation) {
            ms[c][3][r] = nanos[0] / 1e6;
            ms[c][4][r] = nanos[2] / 1e6;
          } else if (r >= 0) {
            ms[c][0][r] = nanos[0] / 1e6;
            ms[c][1][r] = nanos[1] / 1e6;
            ms[c][2][r] = nanos[2] / 1e6;
            ms[c][5][r] = nanos[3] / 1e6;
          }
        }
      }
    }

    System.out.printf(Locale.ROOT, "%nfirst call: create + one post of a JSAPI order to a stubbed sandbox; ms, median"
        + " of %d fresh class loaders (%d warm-up round%s discarded)%n", repeats, warmups, warmups == 1 ? "" : "s");
    System.out.printf(Locale.ROOT, "CPU: of all threads of the JVM. open jars: the first class lookup that walks past"
        + " the endpoint jars (so opens them), in the set-up, not in the first call%n");
    System.out.printf(Locale.ROOT, "%-38s %4s %5s", "endpoint jars on the class path", "jars", "MB");
    FIGURES.forEach(figure -> System.out.print(cell(figure, figure)));
    System.out.println();
    for (int c = 0; c < n; c++) {
      Configuration configuration = configurations.get(c);
      System.out.printf(Locale.ROOT, "%-38s %4d %5.1f", configuration.label(), configuration.endpoints().size(),
          configuration.bytes() / 1e6);
      for (int f = 0; f < FIGURES.size(); f++) {
        System.out.print(cell(FIGURES.get(f), format(median(ms[c][f]))));
      }
      double[] sorted = ms[c][0].clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "   create+post %s-%s%n", format(sorted[0]), format(sorted[sorted.length - 1]));
    }
    for (int c = 1; c < n; c++) {
      System.out.printf(Locale.ROOT, "%-38s %4s %5s", "ratio " + (char) ('a' + c) + "/a", "", "");
      for (int f = 0; f < FIGURES.size(); f++) {
        double ratio = median(ms[c][f]) / median(ms[0][f]);
        System.out.print(cell(FIGURES.get(f),
            median(ms[0][f]) > 0 && median(ms[c][f]) >= 0 ? String.format(Locale.ROOT, "%.2f", ratio) : "n/a"));
      }
      System.out.println();
    }
  }

  /**
   * Says so if, with no fresh loader left, this JVM still holds endpoint jars open: then a fresh loader
   * shares them and opens them for less than a new JVM does. With a plain {@code java -cp}, the JDK's own
   * service lookups through the system class loader open every jar on it; exec:java leaves the system class
   * loader to Maven.
   */
  private static void warnIfOpen() {
    List<String> open = openEndpointJars();
    if (!open.isEmpty()) {
      System.out.printf(Locale.ROOT, "note: this JVM holds %d endpoint jars open outside the fresh loaders (%s, ...):"
          + " 'open jars' is less than in a new JVM; run with exec:java%n", open.size(), open.get(0));
    }
  }

  /** The endpoint jars this JVM has open, from Linux's {@code /proc/self/fd}; empty elsewhere. */
  private static List<String> openEndpointJars() {
    Path fds = Path.of("/proc/self/fd");
    List<String> open = new ArrayList<>();
    if (!Files.isDirectory(fds)) {
      return open;
    }
    try (var links = Files.list(fds)) {
      for (Path link : links.toList()) {
        try {
          Path target = Files.readSymbolicLink(link);
          if (endpointEntry(target) != null) {
            open.add(String.valueOf(target.getFileName()));
          }
        } catch (IOException | UnsupportedOperationException e) {
          // Closed meanwhile, or not a link.
        }
      }
    } catch (IOException e) {
      return open;
    }
    return open;
  }

  /** Text right-aligned in the column of this head, at least 8 wide. */
  private static String cell(String head, String text) {
    return String.format(Locale.ROOT, " %" + Math.max(8, head.length()) + "s", text);
  }

  private static String format(double ms) {
    return ms < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", ms);
  }

  /** Runs {@link FirstCall} in a fresh class loader with this configuration's class path. */
  private static long[] firstCall(Path own, Configuration configuration, List<Path> rest, boolean navigation)
      throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(url(own));
    for (EndpointEntry entry : configuration.endpoints()) {
      urls.add(url(entry.path()));
    }
    for (Path entry : rest) {
      urls.add(url(entry));
    }
    // Garbage from the loaders before this one, collected now rather than inside the timed region.
    System.gc();
    try (URLClassLoader loader =
        new URLClassLoader("first-call", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      // The first lookup that walks past the endpoint jars, which come first: it opens every one of them.
      long start = System.nanoTime();
      Class.forName("dev.wxpay.runtime.WechatPay", false, loader);
      long opened = System.nanoTime() - start;
      Class<?> driver = Class.forName(DRIVER, true, loader);
      Method run = driver.getMethod("run", boolean.class);
      long[] nanos;
      // As in an application: code that looks things up through the context class loader finds this loader.
      Thread thread = Thread.currentThread();
      ClassLoader context = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        nanos = (long[]) run.invoke(null, navigation);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("first call failed under " + configuration.label(), e.getCause());
      } finally {
        thread.setContextClassLoader(context);
      }
      if (driver.getClassLoader() != loader
          || loader.loadClass("dev.wxpay.runtime.WechatPay").getClassLoader() != loader) {
        throw new IllegalStateException("wxpay did not load in the fresh class loader");
      }
      return new long[] {nanos[0], nanos[1], nanos[2], opened};
    }
  }

  /** Which endpoint artifact this class path entry is, by its name only, or null if none. */
  private static EndpointEntry endpointEntry(Path entry) {
    String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
    Matcher matcher = JAR.matcher(name);
    if (!matcher.matches()) {
      matcher = CLASSES.matcher(entry.toString().replace(File.separatorChar, '/'));
      if (!matcher.matches()) {
        return null;
      }
    }
    return new EndpointEntry(entry, matcher.group(1), matcher.group(2) != null);
  }

  /** The class path this harness runs with: exec:java gives it in a class loader, a plain JVM in a property. */
  private static List<Path> classPath() throws URISyntaxException {
    Set<Path> entries = new LinkedHashSet<>();
    if (FirstCallBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
      for (URL url : loader.getURLs()) {
        entries.add(Path.of(url.toURI()));
      }
    } else {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          entries.add(Path.of(entry).toAbsolutePath());
        }
      }
    }
    return List.copyOf(entries);
  }

  private static URL url(Path path) throws MalformedURLException {
    return path.toUri().toURL();
  }

  private static long size(Path path) {
    try (var files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
