package dev.wxpay.codegen.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real corpus, where it is checked out beside the project ({@code ../shared/openapi/docs}, as on CI and
 * the developers' machines); skipped elsewhere, since the project must build without it. Pins the counts
 * the generator is measured against and every defect the reader reads past, so a new corpus shows up here.
 */
class RealCorpusTest {
  static final Path DOCS = Path.of("..", "..", "shared", "openapi", "docs");
  private static Corpus corpus;

  @BeforeAll
  static void load() throws IOException {
    assumeTrue(Files.isRegularFile(DOCS.resolve("swagger.yaml")), "no corpus at " + DOCS.toAbsolutePath());
    corpus = Corpus.load(DOCS);
  }

  @Test
  void jsonOperationsByArea() {
    Map<Area, Long> byArea = corpus.operations().stream()
        .collect(Collectors.groupingBy(ApiOperation::area, TreeMap::new, Collectors.counting()));
    assertEquals(Map.of(Area.V3, 993L, Area.HK_V3, 21L, Area.GLOBAL_V3, 5L, Area.V2, 136L), byArea);
    assertEquals(1019, corpus.jsonOperations().size());
  }

  @Test
  void everyOperationHasATitle() {
    List<ApiOperation> untitled = corpus.jsonOperations().stream()
        .filter(operation -> operation.summary() == null || operation.summary().isBlank()).toList();
    assertEquals(List.of(), untitled);
  }

  /** Reads the body and every 2xx answer of every JSON operation. */
  private static SchemaReader readAllSchemas() {
    SchemaReader reader = new SchemaReader(corpus);
    for (ApiOperation operation : corpus.jsonOperations()) {
      for (Map<String, Object> body : operation.parametersIn("body")) {
        reader.read(body.get("schema"), operation.file(), operation.method() + " body");
      }
      operation.responses().forEach((code, response) -> {
        if (code.startsWith("2") && response instanceof Map<?, ?> map && map.containsKey("schema")) {
          reader.read(map.get("schema"), operation.file(), operation.method() + " " + code);
        }
      });
    }
    return reader;
  }

  @Test
  void theJsapiOrderReadsAsItsDocumentationSays() {
    ApiOperation jsapi = corpus.jsonOperations().stream()
        .filter(operation -> operation.path().equals("/v3/pay/transactions/jsapi")).findFirst().orElseThrow();
    SchemaReader reader = new SchemaReader(corpus);
    Schema.ObjectSchema body = (Schema.ObjectSchema) reader.read(
        jsapi.parametersIn("body").get(0).get("schema"), jsapi.file(), "body");
    for (String name : List.of("appid", "mchid", "description", "out_trade_no", "notify_url", "amount", "payer")) {
      assertTrue(body.properties().containsKey(name), name + " in " + body.properties().keySet());
      assertTrue(body.properties().get(name).required(), name + " is required");
    }
    Schema.ObjectSchema payer = (Schema.ObjectSchema) body.properties().get("payer").schema();
    assertTrue(payer.properties().containsKey("openid"), payer.properties().keySet().toString());
    assertEquals(List.of("Wechatpay-Serial"),
        jsapi.parametersIn("header").stream().map(parameter -> parameter.get("name")).toList());
  }

  @Test
  void theSchemaDefectsReadPastAreTheKnownOnes() throws IOException {
    Path known = Path.of("src", "test", "resources", "known-schema-problems.txt");
    List<String> found = readAllSchemas().problems().stream().map(Problem::toString).distinct().sorted().toList();
    if (Boolean.getBoolean("wxpay.golden.update")) {
      Files.write(known, found, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readAllLines(known, StandardCharsets.UTF_8), found);
  }

  @Test
  void theDefectsReadPastAreTheKnownOnes() throws IOException {
    Path known = Path.of("src", "test", "resources", "known-corpus-problems.txt");
    List<String> found = corpus.problems().stream().map(Problem::toString).sorted().toList();
    if (Boolean.getBoolean("wxpay.golden.update")) {
      Files.write(known, found, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readAllLines(known, StandardCharsets.UTF_8), found);
  }
}
