package dev.wxpay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wxpay.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.WechatPayException;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enums whose constants carry {@code @JsonNumber}: compiled as a user writes them, then read and written
 * through the generated adapter and sent through the generated client.
 */
class IntegerEnumsTest {
  private static WechatPaySandbox sandbox;
  private static URLClassLoader loader;
  private static WechatPay wxpay;
  private static JsonAdapter<Object> plans;
  private static Object[] installments;
  private static Object[] rates;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compileAndStart(@TempDir Path classes) throws Exception {
    Compilation compilation = Compilations.compile(
        source("numbers.Installments",
            "package numbers;",
            "import dev.wxpay.annotations.JsonNumber;",
            "public enum Installments { @JsonNumber(3) THREE, @JsonNumber(6) SIX, @JsonNumber(12) TWELVE }"),
        source("numbers.Rate",
            "package numbers;",
            "import dev.wxpay.annotations.JsonNumber;",
            "public enum Rate { @JsonNumber(100) FULL, @JsonNumber(0) NONE, @JsonNumber(-1) UNSET }"),
        source("numbers.Plan",
            "package numbers;",
            "import java.util.List;",
            "import org.jspecify.annotations.Nullable;",
            "public record Plan(Installments installments, @Nullable Installments fallback,",
            "    @Nullable List<Installments> offered, @Nullable Rate rate) {}"),
        source("numbers.PlanQuery",
            "package numbers;",
            "import org.jspecify.annotations.Nullable;",
            "public record PlanQuery(@Nullable Installments fallback, @Nullable Rate rate) {}"),
        source("numbers.Plans",
            "package numbers;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/plans\")",
            "public interface Plans {",
            "  Plan get(@Query(\"installments\") Installments installments, @Query PlanQuery query);",
            "  Plan post(Plan body);",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.load(compilation, classes);
    plans = (JsonAdapter<Object>) loader.loadClass("numbers.PlanJsonAdapter").getField("INSTANCE").get(null);
    installments = loader.loadClass("numbers.Installments").getEnumConstants();
    rates = loader.loadClass("numbers.Rate").getEnumConstants();
    sandbox = WechatPaySandbox.start();
    wxpay = sandbox.client();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sandbox != null) {
      sandbox.close();
    }
    if (loader != null) {
      loader.close();
    }
  }

  @BeforeEach
  void reset() {
    sandbox.clear();
    sandbox.clearStubs();
  }

  @Test
  void writesAndReadsTheNumbers() throws Exception {
    Object plan = plan(installments[1], installments[0], List.of(installments[0], installments[2]), rates[1]);

    String json = plans.toJson(plan);

    assertEquals("{\"installments\":6,\"fallback\":3,\"offered\":[3,12],\"rate\":0}", json);
    assertEquals(plan, plans.fromJson(json));
    assertEquals(plan(installments[2], null, null, rates[2]), plans.fromJson("{\"installments\":12,\"rate\":-1}"));
    assertEquals(plan(installments[0], null, null, null), plans.fromJson("{\"installments\":3.0}"),
        "3.0 is the number 3");
  }

  @Test
  void anUnknownNumberReadsAsNullAndIsDroppedFromLists() throws Exception {
    Object plan = plans.fromJson("{\"installments\":6,\"fallback\":24,\"offered\":[3,24,12],\"rate\":50}");

    assertEquals(plan(installments[1], null, List.of(installments[0], installments[2]), null), plan);
  }

  @Test
  void anUnknownNumberInARequiredFieldFailsNamingIt() {
    JsonDataException thrown = assertThrows(JsonDataException.class,
        () -> plans.fromJson("{\"installments\":24}"));
    assertEquals("required field $.installments is missing, null or has an unknown value", thrown.getMessage());
  }

  @Test
  void aStringWhereTheNumberBelongsFails() {
    // Moshi's nextInt() alone would read "6" as 6, and a name would read as null like an unknown value.
    assertEquals("Expected a number but was STRING at path $.installments", assertThrows(JsonDataException.class,
        () -> plans.fromJson("{\"installments\":\"6\"}")).getMessage());
    assertEquals("Expected a number but was STRING at path $.fallback", assertThrows(JsonDataException.class,
        () -> plans.fromJson("{\"installments\":6,\"fallback\":\"THREE\"}")).getMessage());
    assertEquals("Expected a number but was STRING at path $.offered[0]", assertThrows(JsonDataException.class,
        () -> plans.fromJson("{\"installments\":6,\"offered\":[\"3\"]}")).getMessage());
    assertEquals("Expected a number but was BOOLEAN at path $.rate", assertThrows(JsonDataException.class,
        () -> plans.fromJson("{\"installments\":6,\"rate\":true}")).getMessage());
  }

  @Test
  void jsonNumberGivesTheNumberForQueries() throws Exception {
    Class<?> type = loader.loadClass("numbers.Installments");
    var jsonNumber = loader.loadClass("numbers.InstallmentsJsonAdapter").getMethod("jsonNumber", type);

    assertEquals(12, jsonNumber.invoke(null, installments[2]));
    assertNull(jsonNumber.invoke(null, (Object) null));
  }

  @Test
  void queryParametersAndBodiesCarryTheNumbers() throws Exception {
    sandbox.stub("GET", "/v3/plans", StubResponse.json("{\"installments\":3,\"offered\":[6,99],\"rate\":100}"));
    sandbox.stub("POST", "/v3/plans", StubResponse.json("{\"installments\":12}"));
    Class<?> api = loader.loadClass("numbers.Plans");
    Class<?> queryType = loader.loadClass("numbers.PlanQuery");
    Object client = wxpay.create(api);

    Object query = queryType.getConstructors()[0].newInstance(installments[0], rates[1]);
    Object answer = api.getMethod("get", loader.loadClass("numbers.Installments"), queryType)
        .invoke(client, installments[2], query);

    RecordedRequest get = sandbox.lastRequest();
    assertEquals("/v3/plans?installments=12&fallback=3&rate=0", get.uri());
    assertTrue(get.signatureValid(), get.rejection());
    assertEquals(plan(installments[0], null, List.of(installments[1]), rates[0]), answer);

    Object posted = api.getMethod("post", plan(installments[1], null, null, null).getClass())
        .invoke(client, plan(installments[1], null, List.of(installments[0]), null));
    assertEquals("{\"installments\":6,\"offered\":[3]}", sandbox.lastRequest().bodyAsString());
    assertEquals(plan(installments[2], null, null, null), posted);
  }

  @Test
  void anAnswerWithAStringForANumberFailsTheCall() throws Exception {
    sandbox.stub("POST", "/v3/plans", StubResponse.json("{\"installments\":\"12\"}"));
    Class<?> api = loader.loadClass("numbers.Plans");
    Object body = plan(installments[1], null, null, null);

    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> api.getMethod("post", body.getClass()).invoke(wxpay.create(api), body));

    WechatPayException failure = assertInstanceOf(WechatPayException.class, thrown.getCause());
    assertInstanceOf(JsonDataException.class, failure.getCause());
  }

  private static Object plan(Object installments, Object fallback, List<?> offered, Object rate) throws Exception {
    return loader.loadClass("numbers.Plan").getConstructors()[0].newInstance(installments, fallback, offered, rate);
  }
}
