package dev.wxpay.benchmarks;

import dev.wxpay.runtime.WechatPay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What {@code wxpay.create(X.class)} costs with 1,000 endpoint interfaces on the class path: the first
 * create of one interface, and of all 1,000, each in a fresh class loader so that every class loads and
 * initialises as in a new JVM. Side by side, the lookup wxpay used before (a ServiceLoader scan that
 * instantiates factories until it meets the type) over 1,000 registered factories, rebuilt here.
 *
 * <p>Run: {@code mvn -q -DskipTests -pl benchmarks -am package exec:java} ({@code -Dexec.args="1000 7"}: count,
 * repeats).
 */
public final class ClientLookupBenchmark {
  private ClientLookupBenchmark() {}

  /** What the old lookup asked of each registered factory. */
  public interface LegacyFactory {
    Class<?> endpointType();

    Object create(Object caller);
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path work = Files.createTempDirectory("wxpay-lookup");
    Path classes = work.resolve("classes");
    long compileStart = System.nanoTime();
    compile(writeSources(work.resolve("src"), count), classes);
    System.out.printf(Locale.ROOT, "compiled %d endpoints (+ %d legacy factories) with wxpay-processor in %.1f s%n",
        count, count, (System.nanoTime() - compileStart) / 1e9);

    KeyPair merchant = rsa();
    KeyPair wechatpay = rsa();
    String middle = name(count / 2);
    double[] oneNow = new double[repeats];
    double[] allNow = new double[repeats];
    double[] oneLegacy = new double[repeats];
    double[] allLegacy = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      try (URLClassLoader loader = loader(classes); WechatPay wxpay = client(merchant, wechatpay)) {
        Class<?> type = loader.loadClass(middle);
        long start = System.nanoTime();
        wxpay.create(type);
        oneNow[r] = (System.nanoTime() - start) / 1e6;
      }
      try (URLClassLoader loader = loader(classes); WechatPay wxpay = client(merchant, wechatpay)) {
        List<Class<?>> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          types.add(loader.loadClass(name(i)));
        }
        long start = System.nanoTime();
        for (Class<?> type : types) {
          wxpay.create(type);
        }
        allNow[r] = (System.nanoTime() - start) / 1e6;
      }
      try (URLClassLoader loader = loader(classes)) {
        Class<?> type = loader.loadClass(middle);
        long start = System.nanoTime();
        legacyCreate(type, loader);
        oneLegacy[r] = (System.nanoTime() - start) / 1e6;
      }
      try (URLClassLoader loader = loader(classes)) {
        List<Class<?>> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          types.add(loader.loadClass(name(i)));
        }
        long start = System.nanoTime();
        for (Class<?> type : types) {
          legacyCreate(type, loader);
        }
        allLegacy[r] = (System.nanoTime() - start) / 1e6;
      }
    }
    System.out.printf(Locale.ROOT, "%n%d endpoint interfaces on the class path, median of %d fresh class loaders, ms%n",
        count, repeats);
    System.out.printf(Locale.ROOT, "%-44s %12s %14s%n", "", "first create", "create of all");
    System.out.printf(Locale.ROOT, "%-44s %12.2f %14.1f%n", "wxpay: client found by its generated name",
        median(oneNow), median(allNow));
    System.out.printf(Locale.ROOT, "%-44s %12.2f %14.1f%n", "before: ServiceLoader scan of all factories",
        median(oneLegacy), median(allLegacy));
    System.out.printf(Locale.ROOT, "%-44s %12.1f %14.1f%n", "ratio before / now",
        median(oneLegacy) / median(oneNow), median(allLegacy) / median(allNow));
  }

  /** The old WechatPay.create: scan the registered factories, instantiating each, until the type matches. */
  private static Object legacyCreate(Class<?> type, ClassLoader loader) {
    Iterator<LegacyFactory> factories = ServiceLoader.load(LegacyFactory.class, loader).iterator();
    while (factories.hasNext()) {
      LegacyFactory factory = factories.next();
      if (factory.endpointType() == type) {
        return factory.create(null);
      }
    }
    throw new IllegalStateException("no factory for " + type);
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "bench.gen.Api%04d", i);
  }

  private static List<Path> writeSources(Path src, int count) throws IOException {
    Path pkg = src.resolve("bench/gen");
    Files.createDirectories(pkg);
    List<Path> files = new ArrayList<>();
    files.add(write(pkg.resolve("Req.java"), "package bench.gen;\npublic record Req(String stockCreatorMchid) {}\n"));
    files.add(write(pkg.resolve("Res.java"),
        "package bench.gen;\npublic record Res(String stockId, java.time.OffsetDateTime restartTime) {}\n"));
    StringBuilder services = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String simple = name(i).substring("bench.gen.".length());
      files.add(write(pkg.resolve(simple + ".java"), "package bench.gen;\n"
          + "import dev.wxpay.annotations.*;\n"
          + "import java.util.concurrent.CompletableFuture;\n"
          + "@Endpoint(\"v3/bench/" + simple.toLowerCase(Locale.ROOT) + "/{stock_id}/restart\")\n"
          + "public interface " + simple + " {\n"
          + "  Res post(@Path(\"stock_id\") String stockId, Req body);\n"
          + "  CompletableFuture<Res> postAsync(@Path(\"stock_id\") String stockId, Req body);\n"
          + "}\n"));
      String factory = simple + "LegacyFactory";
      files.add(write(pkg.resolve(factory + ".java"), "package bench.gen;\n"
          + "public final class " + factory + " implements " + LegacyFactory.class.getCanonicalName() + " {\n"
          + "  public Class<?> endpointType() { return " + simple + ".class; }\n"
          + "  public Object create(Object caller) { return new Object(); }\n"
          + "}\n"));
      services.append("bench.gen.").append(factory).append('\n');
    }
    Path meta = src.resolve("META-INF/services");
    Files.createDirectories(meta);
    write(meta.resolve(LegacyFactory.class.getName()), services.toString());
    return files;
  }

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void compile(List<Path> sources, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Files.createDirectories(classes);
    String classPath = classPath();
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath,
        "-processorpath", classPath, "-processor", "dev.wxpay.processor.WxpayProcessor", "-Xlint:none",
        "--release", "17"));
    sources.forEach(source -> arguments.add(source.toString()));
    int status = javac.run(null, null, null, arguments.toArray(new String[0]));
    if (status != 0) {
      throw new IllegalStateException("javac failed with " + status);
    }
    Path services = sources.get(0).getParent().getParent().getParent().resolve("META-INF/services");
    Files.createDirectories(classes.resolve("META-INF/services"));
    try (var files = Files.list(services)) {
      files.forEach(file -> {
        try {
          Files.copy(file, classes.resolve("META-INF/services").resolve(file.getFileName()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** The class path this harness runs with: exec:java gives it in a class loader, a plain JVM in a property. */
  private static String classPath() {
    if (ClientLookupBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
      List<String> entries = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        entries.add(Path.of(URI.create(url.toString())).toString());
      }
      return String.join(java.io.File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  private static URLClassLoader loader(Path classes) throws IOException {
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClientLookupBenchmark.class.getClassLoader());
  }

  private static WechatPay client(KeyPair merchant, KeyPair wechatpay) {
    return WechatPay.builder()
        .merchant("1900000001", "5157F09EFDC096DE15EBE81A47057A7232F1B8E1", merchant.getPrivate())
        .wechatpayPublicKey("PUB_KEY_ID_0119000000012025", wechatpay.getPublic())
        .baseUri(URI.create("http://127.0.0.1:1/"))
        .build();
  }

  private static KeyPair rsa() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
