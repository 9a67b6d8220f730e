package dev.wxpay.codegen.java;

import dev.wxpay.codegen.corpus.ApiOperation;
import dev.wxpay.codegen.corpus.Corpus;
import dev.wxpay.codegen.corpus.SchemaReader;
import dev.wxpay.codegen.java.JType.ClassType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes an endpoint artifact from the corpus: its module's sources, pom, list of operations left out
 * ({@code excluded-operations.txt}) and operation test, and its Kotlin companion's pom.
 */
public final class Generator {
  /** The list of operations left out, beside the module's pom. */
  static final String EXCLUDED = "excluded-operations.txt";
  /** The generated source tree of a module, which {@link #write} replaces whole. */
  static final String SOURCES = "src/main/java/dev/wxpay/endpoints";

  private Generator() {}

  /**
   * The files of {@code family}, by path relative to the {@code endpoints} folder: its module's pom, sources
   * under {@code src/main/java}, exclusion list and operation test, and its Kotlin companion's pom.
   */
  public static Map<String, String> generate(Corpus corpus, Family family) {
    List<ApiOperation> operations = operations(corpus, family);
    Planner planner = plan(corpus, family);
    Map<String, Set<String>> namesByPackage = new TreeMap<>();
    planner.declarations().values().forEach(decl -> namesByPackage
        .computeIfAbsent(decl.type().packageName(), pkg -> new HashSet<>()).add(decl.type().simpleName()));
    Map<String, String> files = new TreeMap<>();
    for (Decl decl : planner.declarations().values()) {
      files.put(sourcePath(decl.type().packageName(), decl.type().simpleName()),
          Emitter.write(decl, namesByPackage.get(decl.type().packageName())));
    }
    namesByPackage.keySet().forEach(pkg -> files.put(sourcePath(pkg, "package-info"), Emitter.packageInfo(pkg)));
    StringBuilder excluded = new StringBuilder("# Operations of ").append(family.artifactId())
        .append(" the generator leaves out, and why. Written by wxpay-codegen.\n");
    excluded.append("# ").append(operations.size()).append(" operations, ")
        .append(operations.size() - planner.excluded().size()).append(" generated\n");
    planner.excluded().forEach((operation, why) -> excluded.append(operation).append(": ").append(why).append('\n'));
    files.put(EXCLUDED, excluded.toString());
    NavWriter navigation = new NavWriter(family, planner.declarations(),
        namesByPackage.getOrDefault(family.sharedPackage(), Set.of()));
    ClassType api = NavWriter.apiType(family);
    files.put(sourcePath(api.packageName(), api.simpleName()), navigation.write());
    if (!namesByPackage.containsKey(api.packageName())) {
      files.put(sourcePath(api.packageName(), "package-info"), Emitter.packageInfo(api.packageName()));
    }
    files.put(TestWriter.path(family), TestWriter.write(family, planner.declarations(), navigation));
    files.put("pom.xml", pom("family-pom.xml", family));
    Map<String, String> out = new TreeMap<>();
    files.forEach((path, text) -> out.put(family.name() + "/" + path, text));
    out.put(family.name() + "-kotlin/pom.xml", pom("family-kotlin-pom.xml", family));
    return out;
  }

  /** The JSON operations of {@code family}. */
  static List<ApiOperation> operations(Corpus corpus, Family family) {
    return corpus.jsonOperations().stream().filter(family::owns).toList();
  }

  /** The declarations of {@code family}'s operations, and those it leaves out. */
  static Planner plan(Corpus corpus, Family family) {
    return Planner.plan(new SchemaReader(corpus), operations(corpus, family), owned(corpus, family),
        family.sharedPackage(), Set.of(NavWriter.apiType(family).simpleName()));
  }

  /**
   * Whether a package is {@code family}'s alone: no JSON operation of another artifact has its interface in
   * it or under it.
   */
  private static java.util.function.Predicate<String> owned(Corpus corpus, Family family) {
    List<String> others = corpus.jsonOperations().stream().filter(operation -> !family.owns(operation))
        .map(operation -> Names.packageOf(operation.path())).distinct().toList();
    return pkg -> pkg.startsWith(Names.ROOT_PACKAGE + ".")
        && others.stream().noneMatch(other -> other.equals(pkg) || other.startsWith(pkg + "."));
  }

  private static String sourcePath(String pkg, String simpleName) {
    return "src/main/java/" + pkg.replace('.', '/') + "/" + simpleName + ".java";
  }

  private static String pom(String template, Family family) {
    try (var in = Generator.class.getResourceAsStream(template)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("@family@", family.name()).replace("@package@", Names.packageSegment(family.name()))
          .replace("@title@", family.title());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Replaces {@code family}'s generated files under the {@code endpoints} folder with {@code files}. */
  public static void write(Path endpoints, Family family, Map<String, String> files) throws IOException {
    Path generatedRoot = endpoints.resolve(family.name()).resolve(SOURCES);
    if (Files.isDirectory(generatedRoot)) {
      try (Stream<Path> old = Files.walk(generatedRoot)) {
        for (Path path : old.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = endpoints.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }

  /** {@code Generator <corpus docs folder> <endpoints folder>}: regenerates every artifact. */
  public static void main(String[] args) throws IOException {
    Corpus corpus = Corpus.load(Path.of(args[0]));
    for (Family family : Family.ALL) {
      write(Path.of(args[1]), family, generate(corpus, family));
    }
  }
}
