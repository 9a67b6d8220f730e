package dev.wxpay.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CallTest {
  private static Call.Builder<String> call() {
    return Operation.of("GET", "v3/things", JsonAdapters.STRING).call();
  }

  @Test
  void aBuiltCallDoesNotChangeWhenItsBuilderIsUsedAgain() {
    Call.Builder<String> builder = Operation.of("GET", "v3/things/{id}", JsonAdapters.STRING).call()
        .path("id", "1").query("a", "x").header("X-A", "1");
    Call<String> first = builder.build();
    builder.path("id", "2").query("b", "y").queryList("c", List.of("z")).header("X-B", "2").build();
    assertEquals("/v3/things/1", first.expandPath());
    assertEquals("a=x", first.encodedQuery());
    assertEquals(List.of("X-A", "1"), first.headers());
  }

  @Test
  void namesAndValuesAreEncodedAndACommaInAValueToo() {
    Call<String> call = call().query("a b", "x,y&z=中").query("n", 7).query("f", false).query("none", null).build();
    assertEquals("a%20b=x%2Cy%26z%3D%E4%B8%AD&n=7&f=false", call.encodedQuery());
  }

  @Test
  void aListIsOneParameterWithLiteralCommasBetweenEncodedValues() {
    // Swagger 2.0's default collectionFormat (csv); the comma inside "b,c" stays data.
    Call<String> call = call()
        .query("first", "1")
        .queryList("types", List.of("BASE_ABILITY", "b,c", "d e"))
        .queryList("numbers", List.of(3, 12L))
        .queryList("flags", List.of(true))
        .build();
    assertEquals("first=1&types=BASE_ABILITY,b%2Cc,d%20e&numbers=3,12&flags=true", call.encodedQuery());
  }

  @Test
  void aListIsTurnedIntoTextElementByElement() {
    Call<String> call = call()
        .queryList("since", List.of(OffsetDateTime.parse("2015-05-20T13:29:35+08:00")), JsonAdapters::queryValue)
        .queryList("codes", List.of(Locale.CHINA, Locale.US), Locale::toLanguageTag)
        .build();
    assertEquals("since=2015-05-20T13%3A29%3A35%2B08%3A00&codes=zh-CN,en-US", call.encodedQuery());
  }

  @Test
  void anEmptyOrNullListIsLeftOut() {
    Call<String> call = call().queryList("a", List.of()).queryList("b", null).query("c", "1").build();
    assertEquals("c=1", call.encodedQuery());
    assertEquals("", call().queryList("a", List.of()).build().encodedQuery());
  }

  @Test
  void aNullElementOrAnUnsupportedTypeIsRefusedAndLeavesNoTrace() {
    Call.Builder<String> builder = call().query("a", "1");
    IllegalArgumentException nullElement = assertThrows(IllegalArgumentException.class,
        () -> builder.queryList("ids", Arrays.asList("x", null)));
    assertEquals("query parameter 'ids' has a null element at index 1", nullElement.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> builder.queryList("ids", List.of("x"), value -> null));
    IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class,
        () -> builder.queryList("ids", List.of("x", new Object())));
    assertEquals("query parameter 'ids' has unsupported type java.lang.Object", unsupported.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.query("x", new Object()));
    assertEquals("a=1", builder.build().encodedQuery());
  }
}
