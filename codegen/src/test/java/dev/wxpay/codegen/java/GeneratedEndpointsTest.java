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
  /** JSON operations of families not generated yet; falls to 0 as the families land. */
  static final int NOT_YET_GENERATED = 975;
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
      Path module = ENDPOINTS.resolve(family.name());
      if (Boolean.getBoolean("wxpay.golden.update")) {
        Generator.write(module, generated);
        continue;
      }
      Map<String, String> committed = committed(family, module);
      for (String file : generated.keySet()) {
        if (!committed.containsKey(file)) {
          differences.add("missing " + family.name() + "/" + file);
        } else if (!committed.get(file).equals(generated.get(file))) {
          differences.add("differs " + family.name() + "/" + file);
        }
      }
      committed.keySet().stream().filter(file -> !generated.containsKey(file))
          .forEach(file -> differences.add("not generated " + family.name() + "/" + file));
    }
    if (!differences.isEmpty()) {
      fail(differences.size() + " generated files drifted from the generator; regenerate with"
          + " mvn test -pl codegen -Dwxpay.golden.update=true:\n  "
          + String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
    }
  }

  /** The files the generator owns in a module: its generated sources and the exclusion list. */
  private static Map<String, String> committed(Family family, Path module) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Path sources = module.resolve("src/main/java/dev/wxpay/endpoints");
    if (Files.isDirectory(sources)) {
      try (Stream<Path> walk = Files.walk(sources)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(module.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        }
      }
    }
    Path test = module.resolve(TestWriter.path(family));
    if (Files.isRegularFile(test)) {
      files.put(TestWriter.path(family), Files.readString(test));
    }
    Path excluded = module.resolve(Generator.EXCLUDED);
    if (Files.isRegularFile(excluded)) {
      files.put(Generator.EXCLUDED, Files.readString(excluded));
    }
    return files;
  }

  @Test
  void everyJsonOperationIsInOneArtifactAtMost() {
    int owned = 0;
    for (ApiOperation operation : corpus.jsonOperations()) {
      List<String> owners = Family.ALL.stream().filter(family -> family.owns(operation)).map(Family::name).toList();
      assertTrue(owners.size() <= 1, operation + " is in " + owners);
      owned += owners.size();
    }
    assertEquals(corpus.jsonOperations().size() - NOT_YET_GENERATED, owned,
        "operations the artifacts own; update NOT_YET_GENERATED as families land");
  }

  @Test
  void eachArtifactGeneratesOrListsEachOfItsOperations() {
    for (Family family : Family.ALL) {
      List<ApiOperation> operations = corpus.jsonOperations().stream().filter(family::owns).toList();
      Planner planner = Planner.plan(new dev.wxpay.codegen.corpus.SchemaReader(corpus), operations,
          Generator.owned(corpus, family), family.sharedPackage(), java.util.Set.of());
      long generatedMethods = planner.declarations().values().stream()
          .filter(decl -> decl instanceof Decl.InterfaceDecl)
          .flatMap(decl -> ((Decl.InterfaceDecl) decl).methods().stream())
          .filter(method -> !method.async() && !method.billDownload())
          .map(method -> method.httpMethod() + " " + method.params().size())
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
