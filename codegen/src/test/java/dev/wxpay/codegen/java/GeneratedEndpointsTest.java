package dev.wxpay.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wxpay.codegen.corpus.ApiOperation;
import dev.wxpay.codegen.corpus.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed endpoint artifacts are exactly what the generator writes from the corpus, and every JSON
 * operation is generated or listed with its reason. Runs where the corpus is checked out beside the
 * project (CI, developers); {@code -Dwxpay.golden.update=true} rewrites the artifacts instead.
 */
class GeneratedEndpointsTest {
  static final Path DOCS = Path.of("..", "..", "shared", "openapi", "docs");
  static final Path ENDPOINTS = Path.of("..", "endpoints");
  private static Corpus corpus;

  @BeforeAll
  static void load() throws IOException {
    assumeTrue(Files.isRegularFile(DOCS.resolve("swagger.yaml")), "no corpus at " + DOCS.toAbsolutePath());
    corpus = Corpus.load(DOCS);
  }

  @Test
  void committedSourcesAreWhatTheGeneratorWrites() throws IOException {
    List<String> differences = new ArrayList<>();
    for (Family family : Family.ALL) {
      Map<String, String> generated = Generator.generate(corpus, family);
      if (Boolean.getBoolean("wxpay.golden.update")) {
        Generator.write(ENDPOINTS, family, generated);
        continue;
      }
      Map<String, String> committed = committed(family, generated.keySet());
      for (String file : generated.keySet()) {
        if (!committed.containsKey(file)) {
          differences.add("missing " + file);
        } else if (!committed.get(file).equals(generated.get(file))) {
          differences.add("differs " + file);
        }
      }
      committed.keySet().stream().filter(file -> !generated.containsKey(file))
          .forEach(file -> differences.add("not generated " + file));
    }
    if (!differences.isEmpty()) {
      fail(differences.size() + " generated files drifted from the generator; regenerate with"
          + " mvn test -pl codegen -Dwxpay.golden.update=true:\n  "
          + String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
    }
  }

  /**
   * The committed files the generator owns: every file of the family's generated source tree, and the
   * other files it writes (poms, exclusion list, operation test), relative to {@code endpoints}.
   */
  private static Map<String, String> committed(Family family, java.util.Set<String> written) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Path sources = ENDPOINTS.resolve(family.name()).resolve(Generator.SOURCES);
    if (Files.isDirectory(sources)) {
      try (Stream<Path> walk = Files.walk(sources)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(ENDPOINTS.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        }
      }
    }
    for (String file : written) {
      Path path = ENDPOINTS.resolve(file);
      if (!file.contains("/" + Generator.SOURCES + "/") && Files.isRegularFile(path)) {
        files.put(file, Files.readString(path));
      }
    }
    return files;
  }

  @Test
  void theReactorBuildsEveryArtifactAndItsKotlinCompanion() throws IOException {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    String bom = Files.readString(Path.of("..", "bom", "pom.xml"));
    String version = pom.substring(pom.indexOf("<version>") + 9, pom.indexOf("</version>"));
    assertTrue(bom.contains("<artifactId>wxpay-bom</artifactId>\n  <version>" + version + "</version>"),
        "the BOM's version is the project's, " + version);
    for (Family family : Family.ALL) {
      assertTrue(pom.contains("<module>endpoints/" + family.name() + "</module>"), family.name());
      assertTrue(pom.contains("<module>endpoints/" + family.name() + "-kotlin</module>"), family.name() + "-kotlin");
      assertTrue(bom.contains("<artifactId>" + family.artifactId() + "</artifactId>"), "BOM: " + family.name());
      assertTrue(bom.contains("<artifactId>" + family.artifactId() + "-kotlin</artifactId>"), "BOM: " + family.name());
    }
  }

  @Test
  void everyJsonOperationBelongsToOneArtifact() {
    Map<String, Integer> counts = new TreeMap<>();
    List<String> homeless = new ArrayList<>();
    for (ApiOperation operation : corpus.jsonOperations()) {
      Family family = Family.of(operation.path());
      if (family == null) {
        homeless.add(operation.toString());
      } else {
        counts.merge(family.name(), 1, Integer::sum);
      }
    }
    assertEquals(List.of(), homeless);
    // The artifacts' sizes, pinned so that a change to the prefixes or the corpus shows here.
    assertEquals("{business=152, common=13, crossborder=97, ecommerce=141, fund=79, gov=34, industry=149,"
        + " marketing=136, partner=40, payments=44, payscore=97, risk=37}", counts.toString());
  }

  /** No package is declared by two artifacts: each artifact's packages are its own. */
  @Test
  void noPackageIsSplitAcrossArtifacts() {
    Map<String, String> artifactByPackage = new TreeMap<>();
    List<String> split = new ArrayList<>();
    for (ApiOperation operation : corpus.jsonOperations()) {
      String pkg = Names.packageOf(operation.path());
      String family = Family.of(operation.path()).name();
      String earlier = artifactByPackage.putIfAbsent(pkg, family);
      if (earlier != null && !earlier.equals(family)) {
        split.add(pkg + " in " + earlier + " and " + family);
      }
    }
    assertEquals(List.of(), split.stream().distinct().toList());
  }

  @Test
  void eachArtifactGeneratesOrListsEachOfItsOperations() {
    for (Family family : Family.ALL) {
      List<ApiOperation> operations = Generator.operations(corpus, family);
      Planner planner = Generator.plan(corpus, family);
      long generatedMethods = planner.declarations().values().stream()
          .filter(decl -> decl instanceof Decl.InterfaceDecl)
          .flatMap(decl -> ((Decl.InterfaceDecl) decl).methods().stream())
          .filter(method -> !method.async() && !method.billDownload())
          .count();
      assertTrue(generatedMethods > 0, family.name());
      long generatedOperations = operations.stream()
          .filter(operation -> !planner.excluded().containsKey(operation.toString())).count();
      // Each generated operation is reachable: its path has an interface with a method for its HTTP method.
      for (ApiOperation operation : operations) {
        if (planner.excluded().containsKey(operation.toString())) {
          continue;
        }
        boolean declared = planner.declarations().values().stream()
            .filter(decl -> decl instanceof Decl.InterfaceDecl)
            .map(decl -> (Decl.InterfaceDecl) decl)
            .anyMatch(endpoint -> ("/" + endpoint.path()).equals(operation.path()) && endpoint.methods().stream()
                .anyMatch(method -> method.httpMethod().equalsIgnoreCase(operation.method())));
        assertTrue(declared, operation + " has no method");
      }
      assertEquals(operations.size(), generatedOperations + planner.excluded().size(), family.name());
    }
  }
}
