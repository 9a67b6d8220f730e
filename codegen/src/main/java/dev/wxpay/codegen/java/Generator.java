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
 * Writes an endpoint artifact's sources from the corpus: {@code src/main/java} of its module, and the list
 * of operations left out, {@code excluded-operations.txt}.
 */
public final class Generator {
  /** The list of operations left out, beside the module's pom. */
  public static final String EXCLUDED = "excluded-operations.txt";

  private Generator() {}

  /**
   * The files of {@code family}, by path relative to its module folder: its sources under
   * {@code src/main/java}, the exclusion list and the operation test under {@code src/test/java}.
   */
  public static Map<String, String> generate(Corpus corpus, Family family) {
    List<ApiOperation> operations = corpus.jsonOperations().stream().filter(family::owns).toList();
    Planner planner = Planner.plan(new SchemaReader(corpus), operations, owned(corpus, family),
        family.sharedPackage(), Set.of(NavWriter.apiType(family).simpleName()));
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
    return files;
  }

  /**
   * Whether a package is {@code family}'s alone: no JSON operation of another artifact has its interface in
   * it or under it.
   */
  static java.util.function.Predicate<String> owned(Corpus corpus, Family family) {
    List<String> others = corpus.jsonOperations().stream().filter(operation -> !family.owns(operation))
        .map(operation -> Names.packageOf(operation.path())).distinct().toList();
    return pkg -> pkg.startsWith(Names.ROOT_PACKAGE + ".")
        && others.stream().noneMatch(other -> other.equals(pkg) || other.startsWith(pkg + "."));
  }

  private static String sourcePath(String pkg, String simpleName) {
    return "src/main/java/" + pkg.replace('.', '/') + "/" + simpleName + ".java";
  }

  /** Replaces the generated sources under {@code module} with {@code files}. */
  public static void write(Path module, Map<String, String> files) throws IOException {
    Path generatedRoot = module.resolve("src/main/java/dev/wxpay/endpoints");
    if (Files.isDirectory(generatedRoot)) {
      try (Stream<Path> old = Files.walk(generatedRoot)) {
        for (Path path : old.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = module.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }

  /** {@code Generator <corpus docs folder> <endpoints folder>}: regenerates every artifact. */
  public static void main(String[] args) throws IOException {
    Corpus corpus = Corpus.load(Path.of(args[0]));
    for (Family family : Family.ALL) {
      write(Path.of(args[1], family.name()), generate(corpus, family));
    }
  }
}
