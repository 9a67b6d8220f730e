package dev.wxpay.annotations.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathTemplateTest {
  private static final PathTemplate TEMPLATE = PathTemplate.parse("v3/marketing/favor/stocks/<stock_id>/restart");

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "9856000|9856000",
      "a/b|a%2Fb",
      "../x|..%2Fx",
      "a..b|a..b",
      "x?y=1|x%3Fy%3D1",
      "x#top|x%23top",
      "100%|100%25",
      "' a b '|%20a%20b%20",
      "中文|%E4%B8%AD%E6%96%87",
      "-._~|-._~",
      "a+b&c;d|a%2Bb%26c%3Bd",
  })
  void valuesStayInOneSegment(String value, String encoded) {
    assertEquals("/v3/marketing/favor/stocks/" + encoded + "/restart", TEMPLATE.expand(Map.of("stock_id", value)));
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", ""})
  void dotSegmentsAndEmptyValuesAreRejected(String value) {
    assertThrows(IllegalArgumentException.class, () -> TEMPLATE.expand(Map.of("stock_id", value)));
  }

  @Test
  void missingValueIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> TEMPLATE.expand(Map.of()));
  }

  @Test
  void angleAndCurlyPlaceholdersBothParse() {
    PathTemplate angle = PathTemplate.parse("v3/pay/<mchid>/orders/<out_trade_no>");
    PathTemplate curly = PathTemplate.parse("v3/pay/{mchid}/orders/{out_trade_no}");
    assertEquals(List.of("mchid", "out_trade_no"), angle.placeholderNames());
    assertEquals(List.of("mchid", "out_trade_no"), curly.placeholderNames());
    Map<String, String> values = Map.of("mchid", "1900", "out_trade_no", "A 1");
    assertEquals("/v3/pay/1900/orders/A%201", angle.expand(values));
    assertEquals(angle.expand(values), curly.expand(values));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "/", "/v3/x", "v3//x", "v3/x//", "v3//", "v3/x///", "https://api.mch.weixin.qq.com/v3/x", "//host/v3",
      "v3/x?a=b", "v3/x#f", "v3/<id", "v3/id>", "v3/x<id>", "v3/<id>x", "v3/<>", "v3/<a b>",
      "v3/<id}", "v3/<id>/<id>", "v3/../x", "v3/./x", "v3/my stocks", "v3/a|b", "v3/中文",
  })
  void malformedTemplatesAreRejected(String template) {
    assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse(template));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v3/applyment4sub/applyment/|/v3/applyment4sub/applyment/",
      "v3/ecommerce/applyments/|/v3/ecommerce/applyments/",
      "v3/things/{id}/|/v3/things/a%2Fb/",
      "v3/things/{id}|/v3/things/a%2Fb",
  })
  void oneTrailingSlashIsKept(String template, String expanded) {
    // Part of the real URL, so it is sent and signed as written.
    PathTemplate parsed = PathTemplate.parse(template);
    assertEquals(expanded, parsed.expand(Map.of("id", "a/b")));
    assertEquals(template.contains("{id}") ? List.of("id") : List.of(), parsed.placeholderNames());
  }

  @Test
  void onlyTheTrailingSlashMayLeaveASegmentEmpty() {
    assertNull(PathTemplate.problem("v3/applyment4sub/applyment/"));
    assertEquals("empty segment ('//')", PathTemplate.problem("v3//applyment/"));
    assertEquals("empty segment ('//')", PathTemplate.problem("v3/applyment//"));
    assertEquals("the path must not start with '/'", PathTemplate.problem("/"));
  }

  @Test
  void queryComponentsAreEncoded() {
    StringBuilder out = new StringBuilder();
    PathTemplate.encodeSegment("a b&c=d中", out);
    assertEquals("a%20b%26c%3Dd%E4%B8%AD", out.toString());
  }
}
