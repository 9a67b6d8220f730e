package dev.wxpay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares generated sources with the golden files under {@code src/test/resources/golden/expected}.
 * Run {@code mvn test -pl processor -Dwxpay.golden.update=true} to rewrite them on purpose, then review
 * the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of(System.getProperty("wxpay.golden.dir",
      "src/test/resources/golden"));
  private static final boolean UPDATE = Boolean.getBoolean("wxpay.golden.update");

  @ParameterizedTest
  @ValueSource(strings = {
      "golden.RestartStockClient",
      "golden.RestartStockRequestBuilder",
      "golden.RestartStockResponseJsonAdapter",
      "golden.ListStocksClient",
      "golden.HongKongOrderClient",
      "golden.StockBuilder",
      "golden.StockJsonAdapter",
      "golden.StockSendRuleBuilder",
      "golden.StockPeriodJsonAdapter",
      "golden.StockStateJsonAdapter",
      "golden.InstallmentsJsonAdapter",
      "golden.PayeeJsonAdapter",
      "golden.ActivityJsonAdapter",
      "golden.ActivityBuilder",
      "golden.FapiaoInvitesClient",
      "golden.InviteQueryBuilder",
  })
  void generatedSourceMatchesGoldenFile(String type) throws IOException {
    Compilation compilation = Compilations.compile(inputs());
    assertThat(compilation).succeededWithoutWarnings();
    String generated = compilation.generatedSourceFile(type)
        .orElseThrow(() -> new AssertionError("not generated: " + type))
        .getCharContent(false).toString();
    Path golden = GOLDEN.resolve("expected").resolve(type.replace('.', '/') + ".java");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(golden), "missing golden file " + golden + "; run with -Dwxpay.golden.update=true");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), generated, type);
  }

  /** The Kotlin DSL of a nested model, written when a Kotlin folder is configured. */
  @org.junit.jupiter.api.Test
  void kotlinDslMatchesGoldenFile() throws IOException {
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new WxpayProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror", "-Awxpay.kotlin=true")
        .compile(inputs());
    assertThat(compilation).succeededWithoutWarnings();
    for (String name : new String[] {"StockDsl.kt", "StockSendRuleDsl.kt", "ActivityDsl.kt"}) {
      // Written through the Filer, beside the generated Java.
      String generated = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "golden", name)
          .orElseThrow(() -> new AssertionError(name + " was not generated"))
          .getCharContent(false).toString();
      Path golden = GOLDEN.resolve("expected").resolve("golden").resolve(name);
      if (UPDATE) {
        Files.writeString(golden, generated, StandardCharsets.UTF_8);
      }
      assertTrue(Files.exists(golden), "missing golden file " + golden + "; run with -Dwxpay.golden.update=true");
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), generated, name);
    }
  }

  private static JavaFileObject[] inputs() throws IOException {
    List<JavaFileObject> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(GOLDEN.resolve("input"))) {
      for (Path path : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
        files.add(JavaFileObjects.forResource(path.toUri().toURL()));
      }
    }
    return files.toArray(new JavaFileObject[0]);
  }
}
