package dev.wxpay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wxpay.processor.Compilations.source;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.squareup.moshi.JsonDataException;
import dev.wxpay.runtime.MissingFieldsException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.WechatPayException;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a declaration as a user would write it, runs the generated client against the sandbox and
 * checks the bytes on the wire and the typed result.
 */
class EndToEndTest {
  private static final Pattern AUTHORIZATION = Pattern.compile("WECHATPAY2-SHA256-RSA2048 mchid=\"(\\d+)\","
      + "nonce_str=\"([A-Za-z0-9]{32})\",timestamp=\"(\\d+)\",serial_no=\"([0-9A-F]+)\",signature=\"([^\"]+)\"");

  private static WechatPaySandbox sandbox;
  private static URLClassLoader loader;
  private static WechatPay wxpay;

  @BeforeAll
  static void compileAndStart(@TempDir Path classes) throws Exception {
    Compilation compilation = Compilations.compile(
        source("e2e.RestartStock",
            "package e2e;",
            "import dev.wxpay.annotations.*;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.function.Consumer;",
            "@Endpoint(\"v3/marketing/favor/stocks/<stock_id>/restart\")",
            "public interface RestartStock {",
            "  RestartStockResponse post(@Path(\"stock_id\") String stockId, RestartStockRequest body);",
            "  RestartStockResponse post(@Path(\"stock_id\") String stockId,",
            "      Consumer<RestartStockRequestBuilder> body);",
            "  CompletableFuture<RestartStockResponse> postAsync(@Path(\"stock_id\") String stockId,",
            "      RestartStockRequest body);",
            "}"),
        source("e2e.RestartStockRequest",
            "package e2e;",
            "public record RestartStockRequest(String stockCreatorMchid) {}"),
        source("e2e.RestartStockResponse",
            "package e2e;",
            "public record RestartStockResponse(String stockId, java.time.OffsetDateTime restartTime) {}"),
        source("e2e.Stocks",
            "package e2e;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/stocks/{brand}\")",
            "public interface Stocks {",
            "  Page get(@Path(\"brand\") String brand, @Query Filter filter);",
            "  @Post void create(@Path(\"brand\") String brand, @Body java.util.function.Consumer<StockBuilder> stock);",
            "}"),
        // Operations inherited from a plain interface go to this path; a default method is the user's own.
        source("e2e.Lookups",
            "package e2e;",
            "import dev.wxpay.annotations.*;",
            "public interface Lookups<F> {",
            "  Page get(@Path(\"brand\") String brand, @Query F filter);",
            "}"),
        source("e2e.BrandStocks",
            "package e2e;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/brands/{brand}/stocks\")",
            "public interface BrandStocks extends Lookups<Filter> {",
            "  default long count(String brand) {",
            "    return get(brand, firstPage(brand)).totalCount();",
            "  }",
            "  static Filter firstPage(String brand) {",
            "    return new Filter(brand, null, 10, null);",
            "  }",
            "}"),
        source("e2e.Filter",
            "package e2e;",
            "import org.jspecify.annotations.Nullable;",
            "public record Filter(String brandId, @Nullable Integer offset,",
            "    @com.squareup.moshi.Json(name = \"page_size\") int limit, @Nullable State state) {}"),
        source("e2e.State",
            "package e2e;",
            "public enum State { SENDING, @com.squareup.moshi.Json(name = \"PAUSED_BY_MERCHANT\") PAUSED }"),
        source("e2e.Page",
            "package e2e;",
            "public record Page(java.util.List<Stock> data, long totalCount) {}"),
        source("e2e.Stock",
            "package e2e;",
            "import java.util.List;",
            "import org.jspecify.annotations.Nullable;",
            "public record Stock(String name, @Nullable State state, Rule rule) {",
            "  public record Rule(long maxCount, @Nullable List<String> tags) {}",
            "}"),
        source("e2e.Receivers",
            "package e2e;",
            "import dev.wxpay.annotations.*;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.function.Consumer;",
            "@Endpoint(\"v3/global/profit-sharing/receivers\")",
            "public interface Receivers {",
            "  void delete(Receiver body);",
            "  CompletableFuture<Void> deleteAsync(Consumer<ReceiverBuilder> body);",
            "}"),
        source("e2e.Applyments",
            "package e2e;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/applyment4sub/applyment/\")",
            "public interface Applyments {",
            "  Applied post(Applyment body);",
            "  record Applyment(String businessCode) {}",
            "  record Applied(long applymentId) {}",
            "}"),
        source("e2e.FapiaoInvites",
            "package e2e;",
            "import dev.wxpay.annotations.*;",
            "import java.time.OffsetDateTime;",
            "import java.util.List;",
            "import org.jspecify.annotations.Nullable;",
            "@Endpoint(\"v3/new-tax-control-fapiao/fapiaomerchant/getspinviteurl\")",
            "public interface FapiaoInvites {",
            "  InviteUrl get(@Query(\"fapiao_ability_type_list\") @Nullable List<Ability> abilities,",
            "      @Query(\"invite_code\") String inviteCode, @Query Filter filter);",
            "  enum Ability { BASE_ABILITY, @com.squareup.moshi.Json(name = \"REAL_ESTATE_ABILITY\") REAL_ESTATE }",
            "  enum Tier { @JsonNumber(1) ONE, @JsonNumber(2) TWO }",
            "  record Filter(@Nullable List<String> subMchids, @Nullable List<Tier> tiers,",
            "      @Nullable List<OffsetDateTime> since, @Nullable List<Boolean> flags) {}",
            "  record InviteUrl(String inviteUrl) {}",
            "}"),
        source("e2e.Receiver",
            "package e2e;",
            "import org.jspecify.annotations.Nullable;",
            "public record Receiver(@Nullable String subMchid, String type, String account) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.load(compilation, classes);
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
  void postsSignedJsonAndReturnsTheVerifiedRecord() throws Exception {
    sandbox.stub("POST", "/v3/marketing/favor/stocks/98%2F56%3Fx/restart", StubResponse.json(
        "{\"stock_id\":\"98/56?x\",\"ignored\":{\"a\":[1]},\"restart_time\":\"2015-05-20T13:29:35.120+08:00\"}"));
    Class<?> api = loader.loadClass("e2e.RestartStock");
    Class<?> requestType = loader.loadClass("e2e.RestartStockRequest");
    Object client = wxpay.create(api);
    Object request = requestType.getConstructor(String.class).newInstance("8956000");

    Object response = api.getMethod("post", String.class, requestType).invoke(client, "98/56?x", request);

    assertEquals("98/56?x", accessor(response, "stockId"));
    assertEquals(OffsetDateTime.parse("2015-05-20T13:29:35.120+08:00"), accessor(response, "restartTime"));
    RecordedRequest wire = sandbox.lastRequest();
    assertEquals("POST", wire.method());
    assertEquals("/v3/marketing/favor/stocks/98%2F56%3Fx/restart", wire.uri());
    assertArrayEquals("{\"stock_creator_mchid\":\"8956000\"}".getBytes(UTF_8), wire.body());
    assertEquals("application/json", wire.header("Content-Type"));
    assertEquals("application/json", wire.header("Accept"));
    assertEquals(sandbox.wechatpayPublicKeyId(), wire.header("Wechatpay-Serial"));
    assertTrue(wire.header("User-Agent").startsWith("wxpay/"), wire.header("User-Agent"));
    assertTrue(wire.signatureValid(), wire.rejection());
    assertSignedByMerchant(wire);
  }

  @Test
  void builderOverloadBuildsTheBodyAndAsyncCompletes() throws Exception {
    sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/restart", StubResponse.json(
        "{\"stock_id\":\"9856000\",\"restart_time\":\"2015-05-20T13:29:35+08:00\"}"));
    Class<?> api = loader.loadClass("e2e.RestartStock");
    Class<?> builderType = loader.loadClass("e2e.RestartStockRequestBuilder");
    Method setter = builderType.getMethod("stockCreatorMchid", String.class);
    Consumer<Object> body = builder -> invoke(setter, builder, "8956000");
    Object client = wxpay.create(api);

    Object response = api.getMethod("post", String.class, Consumer.class).invoke(client, "9856000", body);
    assertEquals("9856000", accessor(response, "stockId"));
    assertEquals("{\"stock_creator_mchid\":\"8956000\"}", sandbox.lastRequest().bodyAsString());

    Object request = builderType.getMethod("build", Consumer.class).invoke(null, body);
    CompletableFuture<?> future = (CompletableFuture<?>) api.getMethod("postAsync", String.class,
        loader.loadClass("e2e.RestartStockRequest")).invoke(client, "9856000", request);
    assertEquals(OffsetDateTime.parse("2015-05-20T13:29:35+08:00"), accessor(future.get(), "restartTime"));
    assertEquals(2, sandbox.requests().size());
  }

  @Test
  void getSendsTheQueryRecordAndReadsNestedLists() throws Exception {
    sandbox.stub("GET", "/v3/stocks/b%201", StubResponse.json("{\"total_count\":2,\"data\":["
        + "{\"name\":\"first\",\"state\":\"PAUSED_BY_MERCHANT\",\"rule\":{\"max_count\":5,\"tags\":[\"a\",\"b\"]}},"
        + "{\"name\":\"second\",\"state\":\"A_STATE_ADDED_LATER\",\"rule\":{\"max_count\":7}}]}"));
    Class<?> api = loader.loadClass("e2e.Stocks");
    Class<?> filterType = loader.loadClass("e2e.Filter");
    Class<?> stateType = loader.loadClass("e2e.State");
    Object paused = stateType.getEnumConstants()[1];
    Object filter = filterType.getConstructors()[0].newInstance("brand&=1", null, 20, paused);

    Object page = api.getMethod("get", String.class, filterType).invoke(wxpay.create(api), "b 1", filter);

    RecordedRequest wire = sandbox.lastRequest();
    assertEquals("/v3/stocks/b%201?brand_id=brand%26%3D1&page_size=20&state=PAUSED_BY_MERCHANT", wire.uri());
    assertEquals(0, wire.body().length);
    assertNull(wire.header("Content-Type"));
    assertTrue(wire.signatureValid(), wire.rejection());
    assertSignedByMerchant(wire);
    assertEquals(2L, accessor(page, "totalCount"));
    List<?> data = (List<?>) accessor(page, "data");
    assertEquals(paused, accessor(data.get(0), "state"));
    assertEquals(List.of("a", "b"), accessor(accessor(data.get(0), "rule"), "tags"));
    assertNull(accessor(data.get(1), "state"), "an unknown enum value reads as null");
    assertNull(accessor(accessor(data.get(1), "rule"), "tags"));
  }

  @Test
  void inheritedOperationsUseTheEndpointsPathAndDefaultMethodsCallThem() throws Exception {
    sandbox.stub("GET", "/v3/brands/b/stocks", StubResponse.json("{\"total_count\":7,\"data\":[]}"));
    Class<?> api = loader.loadClass("e2e.BrandStocks");

    Object count = api.getMethod("count", String.class).invoke(wxpay.create(api), "b");

    assertEquals(7L, count);
    assertEquals("/v3/brands/b/stocks?brand_id=b&page_size=10", sandbox.lastRequest().uri());
    assertTrue(sandbox.lastRequest().signatureValid(), sandbox.lastRequest().rejection());
    assertEquals(1, sandbox.requests().size(), "the default method ran once, as written");
  }

  @Test
  void builderNamesEveryMissingRequiredFieldByPath() throws Exception {
    Class<?> api = loader.loadClass("e2e.Stocks");
    Class<?> ruleBuilder = loader.loadClass("e2e.StockRuleBuilder");
    Method rule = loader.loadClass("e2e.StockBuilder").getMethod("rule", Consumer.class);
    Method tags = ruleBuilder.getMethod("tags", String[].class);
    Consumer<Object> stock = builder -> invoke(rule, builder,
        (Consumer<Object>) r -> invoke(tags, r, (Object) new String[] {"x"}));

    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> api.getMethod("create", String.class, Consumer.class).invoke(wxpay.create(api), "b", stock));

    MissingFieldsException missing = assertInstanceOf(MissingFieldsException.class, thrown.getCause());
    assertEquals("missing required fields: name, rule.max_count", missing.getMessage());
    assertEquals(List.of("name", "rule.max_count"), missing.paths());
    assertTrue(sandbox.requests().isEmpty(), "nothing is sent");
  }

  @Test
  void voidPostSendsTheBuiltBody() throws Exception {
    sandbox.stub("POST", "/v3/stocks/b", StubResponse.noContent());
    Class<?> api = loader.loadClass("e2e.Stocks");
    Method name = loader.loadClass("e2e.StockBuilder").getMethod("name", String.class);
    Method rule = loader.loadClass("e2e.StockBuilder").getMethod("rule", Consumer.class);
    Method maxCount = loader.loadClass("e2e.StockRuleBuilder").getMethod("maxCount", long.class);
    Consumer<Object> stock = builder -> {
      invoke(name, builder, "新年");
      invoke(rule, builder, (Consumer<Object>) r -> invoke(maxCount, r, 3L));
    };

    Object result = api.getMethod("create", String.class, Consumer.class).invoke(wxpay.create(api), "b", stock);

    assertNull(result);
    assertEquals("{\"name\":\"新年\",\"rule\":{\"max_count\":3}}", sandbox.lastRequest().bodyAsString());
    assertTrue(sandbox.lastRequest().signatureValid(), sandbox.lastRequest().rejection());
  }

  @Test
  void aResponseMissingARequiredFieldFailsNamingItsPath() throws Exception {
    sandbox.stub("POST", "/v3/marketing/favor/stocks/1/restart", StubResponse.json("{\"stock_id\":\"1\"}"));
    Class<?> api = loader.loadClass("e2e.RestartStock");
    Class<?> requestType = loader.loadClass("e2e.RestartStockRequest");
    Object request = requestType.getConstructor(String.class).newInstance("8956000");

    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> api.getMethod("post", String.class, requestType).invoke(wxpay.create(api), "1", request));

    WechatPayException failure = assertInstanceOf(WechatPayException.class, thrown.getCause());
    JsonDataException cause = assertInstanceOf(JsonDataException.class, failure.getCause());
    assertTrue(cause.getMessage().contains("$.restart_time"), cause.getMessage());
  }

  @Test
  void deleteSendsASignedJsonBody() throws Exception {
    sandbox.stub("DELETE", "/v3/global/profit-sharing/receivers", StubResponse.noContent());
    Class<?> api = loader.loadClass("e2e.Receivers");
    Class<?> receiverType = loader.loadClass("e2e.Receiver");
    Object client = wxpay.create(api);
    Object receiver = receiverType.getConstructors()[0].newInstance(null, "MERCHANT_ID", "86693852");

    assertNull(api.getMethod("delete", receiverType).invoke(client, receiver));

    RecordedRequest wire = sandbox.lastRequest();
    assertEquals("DELETE", wire.method());
    assertEquals("/v3/global/profit-sharing/receivers", wire.uri());
    assertEquals("{\"type\":\"MERCHANT_ID\",\"account\":\"86693852\"}", wire.bodyAsString());
    assertEquals("application/json", wire.header("Content-Type"));
    assertTrue(wire.signatureValid(), wire.rejection());
    assertSignedByMerchant(wire);

    Class<?> builderType = loader.loadClass("e2e.ReceiverBuilder");
    Method type = builderType.getMethod("type", String.class);
    Method account = builderType.getMethod("account", String.class);
    Consumer<Object> body = builder -> {
      invoke(type, builder, "PERSONAL_OPENID");
      invoke(account, builder, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    };
    ((CompletableFuture<?>) api.getMethod("deleteAsync", Consumer.class).invoke(client, body)).get();

    RecordedRequest async = sandbox.lastRequest();
    assertEquals("DELETE", async.method());
    assertEquals("{\"type\":\"PERSONAL_OPENID\",\"account\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}",
        async.bodyAsString());
    assertTrue(async.signatureValid(), async.rejection());
    assertSignedByMerchant(async);
  }

  @Test
  void aTrailingSlashIsSentAndSigned() throws Exception {
    sandbox.stub("POST", "/v3/applyment4sub/applyment/", StubResponse.json("{\"applyment_id\":2000002124775691}"));
    Class<?> api = loader.loadClass("e2e.Applyments");
    Class<?> applymentType = loader.loadClass("e2e.Applyments$Applyment");
    Object applyment = applymentType.getConstructors()[0].newInstance("1900013511_10000");

    Object applied = api.getMethod("post", applymentType).invoke(wxpay.create(api), applyment);

    assertEquals(2000002124775691L, accessor(applied, "applymentId"));
    RecordedRequest wire = sandbox.lastRequest();
    assertEquals("/v3/applyment4sub/applyment/", wire.uri());
    assertTrue(wire.signatureValid(), wire.rejection());
    assertSignedByMerchant(wire);
  }

  @Test
  void aListInTheQueryIsOneParameterWithCommasBetweenEncodedValues() throws Exception {
    String path = "/v3/new-tax-control-fapiao/fapiaomerchant/getspinviteurl";
    sandbox.stub("GET", path, StubResponse.json("{\"invite_url\":\"https://wxacurl.cn?x=1\"}"));
    Class<?> api = loader.loadClass("e2e.FapiaoInvites");
    Class<?> filterType = loader.loadClass("e2e.FapiaoInvites$Filter");
    Object[] abilities = loader.loadClass("e2e.FapiaoInvites$Ability").getEnumConstants();
    Object[] tiers = loader.loadClass("e2e.FapiaoInvites$Tier").getEnumConstants();
    Method get = api.getMethod("get", List.class, String.class, filterType);
    Object client = wxpay.create(api);
    Object filter = filterType.getConstructors()[0].newInstance(List.of("1900000109", "a,b c"),
        List.of(tiers[1], tiers[0]), List.of(OffsetDateTime.parse("2015-05-20T13:29:35+08:00")), List.of(true, false));

    Object answer = get.invoke(client, List.of(abilities[0], abilities[1]), "code,1", filter);

    assertEquals("https://wxacurl.cn?x=1", accessor(answer, "inviteUrl"));
    RecordedRequest wire = sandbox.lastRequest();
    // A comma inside a value is %2C; the commas between values are literal, and signed as sent.
    assertEquals(path + "?fapiao_ability_type_list=BASE_ABILITY,REAL_ESTATE_ABILITY&invite_code=code%2C1"
        + "&sub_mchids=1900000109,a%2Cb%20c&tiers=2,1&since=2015-05-20T13%3A29%3A35%2B08%3A00&flags=true,false",
        wire.uri());
    assertTrue(wire.signatureValid(), wire.rejection());
    assertSignedByMerchant(wire);

    get.invoke(client, List.of(), "x", filterType.getConstructors()[0].newInstance(List.of(), null, null, null));
    assertEquals(path + "?invite_code=x", sandbox.lastRequest().uri(), "empty and null lists are left out");
    assertTrue(sandbox.lastRequest().signatureValid(), sandbox.lastRequest().rejection());
  }

  /** Checks the Authorization signature with the JDK directly, independent of runtime and sandbox. */
  private static void assertSignedByMerchant(RecordedRequest wire) throws Exception {
    Matcher authorization = AUTHORIZATION.matcher(wire.header("Authorization"));
    assertTrue(authorization.matches(), wire.header("Authorization"));
    assertEquals(sandbox.mchid(), authorization.group(1));
    assertEquals(sandbox.merchantSerialNo(), authorization.group(4));
    String message = wire.method() + "\n" + wire.uri() + "\n" + authorization.group(3) + "\n"
        + authorization.group(2) + "\n" + wire.bodyAsString() + "\n";
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(sandbox.merchantPublicKey());
    verifier.update(message.getBytes(UTF_8));
    assertTrue(verifier.verify(Base64.getDecoder().decode(authorization.group(5))));
    long skew = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(authorization.group(3)));
    assertTrue(skew < 60, "timestamp is now: " + skew);
  }

  private static Object accessor(Object record, String name) throws Exception {
    return record.getClass().getMethod(name).invoke(record);
  }

  private static void invoke(Method method, Object target, Object... args) {
    try {
      method.invoke(target, args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
