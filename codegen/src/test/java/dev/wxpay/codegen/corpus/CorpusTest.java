package dev.wxpay.codegen.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reader on a small corpus shipped with the tests, with each quirk the real one has. */
class CorpusTest {
  private static Path root;
  private static Corpus corpus;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    root = Path.of(CorpusTest.class.getResource("/mini/swagger.yaml").toURI()).getParent();
    corpus = Corpus.load(root);
  }

  private static ApiOperation operation(String method, String path) {
    return corpus.operations().stream()
        .filter(operation -> operation.method().equals(method) && operation.path().equals(path))
        .findFirst().orElseThrow(() -> new AssertionError("no " + method + " " + path));
  }

  @Test
  void operationsComeFromSwaggerPathsAndFromFilesItForgot() {
    assertEquals(List.of("GET /v3/pay/orders/{id}", "POST /v3/pay/orders/{id}", "GET /v3/pay/broken",
            "POST /pay/micropay", "GET /v3/pay/unlisted"),
        corpus.operations().stream().map(ApiOperation::toString).toList());
    assertEquals(Area.V2, operation("POST", "/pay/micropay").area());
    assertEquals(4, corpus.jsonOperations().size());
    assertTrue(corpus.problems().contains(new Problem("v3/pay/unlisted.yaml", "",
        "is not listed in swagger.yaml; read with URL path /v3/pay/unlisted")));
  }

  @Test
  void titlesTagsAndFlagsAreRead() {
    ApiOperation get = operation("GET", "/v3/pay/orders/{id}");
    assertEquals("查询订单", get.summary());
    assertEquals(List.of("基础支付"), get.tags());
    assertFalse(get.deprecated());
    assertEquals(List.of("id"), get.placeholders());
    ApiOperation post = operation("POST", "/v3/pay/orders/{id}");
    assertTrue(post.deprecated());
    // Read past, and listed: the corpus writes tag: in 32 operations.
    assertEquals(List.of("基础支付∙退款"), post.tags());
    assertTrue(corpus.problems().contains(new Problem("v3/pay/orders/{id}.yaml", "POST", "writes 'tag:' for 'tags:'")));
    assertTrue(corpus.problems().contains(new Problem("v3/pay/broken.yaml", "GET", "has no tag")));
  }

  @Test
  void sharedParametersAreResolvedAndRequireReadsAsRequired() {
    ApiOperation get = operation("GET", "/v3/pay/orders/{id}");
    Map<String, Object> serial = get.parametersIn("header").get(0);
    assertEquals("Wechatpay-Serial", serial.get("name"));
    Map<String, Object> mchid = get.parametersIn("query").get(0);
    assertEquals(true, mchid.get("required"));
    assertFalse(mchid.containsKey("require"));
    assertTrue(corpus.problems().contains(new Problem("v3/pay/orders/{id}.yaml", "GET",
        "parameter 'mchid' writes 'require:' for 'required:'")));
  }

  @Test
  void responseCodesAreTextWhetherYamlWroteNumbersOrStrings() {
    assertEquals(List.of("200"), List.copyOf(operation("GET", "/v3/pay/orders/{id}").responses().keySet()));
    assertEquals(List.of("204"), List.copyOf(operation("POST", "/v3/pay/orders/{id}").responses().keySet()));
  }

  @Test
  void refsResolveInAllFourSpellings() throws IOException {
    String file = "v3/pay/orders/{id}.yaml";
    assertEquals("definitions/Defs.yaml", corpus.resolve(file, "../../../definitions/Defs.yaml#Amount").file());
    assertEquals("Payer", corpus.resolve(file, "../../../definitions/Defs.yaml#/Payer").name());
    assertEquals(Map.of("type", "string"), corpus.resolve(file, "#/Other").node());
    assertEquals("Local", corpus.resolve(file, "#Local").name());
    // Inside a definitions file, #Name is that file's.
    assertEquals("definitions/Defs.yaml", corpus.resolve("definitions/Defs.yaml", "#Amount").file());
    assertThrows(IllegalArgumentException.class, () -> corpus.resolve(file, "#Nowhere"));
    assertThrows(IllegalArgumentException.class, () -> corpus.resolve(file, "Absent.yaml#X"));
  }

  @Test
  void refsThatDoNotResolveAreListed() {
    assertTrue(corpus.problems().stream().anyMatch(problem -> problem.file().equals("v3/pay/broken.yaml")
        && problem.message().startsWith("$ref ../../definitions/Defs.yaml#Missing does not resolve")),
        corpus.problems().toString());
    // The operation that only reaches good refs has none listed.
    assertTrue(corpus.problems().stream().noneMatch(problem -> problem.message().startsWith("$ref")
        && problem.file().startsWith("v3/pay/orders")));
  }
}
