package dev.wxpay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wxpay.processor.Compilations.compile;
import static dev.wxpay.processor.Compilations.endpoint;
import static dev.wxpay.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.squareup.moshi.JsonAdapter;
import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid declarations of less common shapes compile without warnings and behave. */
class ProcessorShapesTest {
  private static final JavaFileObject RESPONSE = source("test.Res",
      "package test;",
      "public record Res(String id) {}");

  @Test
  void aRecordReferringToItselfReadsAndWritesJson(@TempDir Path classes) throws Exception {
    Compilation compilation = compile(
        source("test.Api",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/nodes\")",
            "public interface Api {",
            "  Node get();",
            "}"),
        source("test.Node",
            "package test;",
            "import java.util.List;",
            "import org.jspecify.annotations.Nullable;",
            "public record Node(String name, @Nullable Node next, @Nullable List<Node> children) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    try (URLClassLoader loader = CompiledClasses.load(compilation, classes)) {
      @SuppressWarnings("unchecked")
      JsonAdapter<Object> adapter = (JsonAdapter<Object>) loader.loadClass("test.NodeJsonAdapter")
          .getField("INSTANCE").get(null);
      String json = "{\"name\":\"a\",\"next\":{\"name\":\"b\"},\"children\":[{\"name\":\"c\",\"children\":[]}]}";
      assertEquals(json, adapter.toJson(adapter.fromJson(json)));
    }
  }

  @Test
  void optionalRecordsAndListsAreClearedWithoutACast(@TempDir Path classes) throws Exception {
    Compilation compilation = compile(
        source("test.Api",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/nodes\")",
            "public interface Api {",
            "  Node post(Node body);",
            "}"),
        source("test.Node",
            "package test;",
            "import java.util.List;",
            "import org.jspecify.annotations.Nullable;",
            "public record Node(String name, @Nullable Node next, @Nullable List<String> tags) {}"),
        // next(null) and tags(null) would not compile: each is ambiguous with its Consumer or varargs twin.
        source("test.User",
            "package test;",
            "public final class User {",
            "  public static Node trimmed() {",
            "    Node full = NodeBuilder.build(n -> n.name(\"a\").next(m -> m.name(\"b\")).tags(\"x\", \"y\"));",
            "    return NodeBuilder.from(full).clearNext().clearTags().build();",
            "  }",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
    try (URLClassLoader loader = CompiledClasses.load(compilation, classes)) {
      Object trimmed = loader.loadClass("test.User").getMethod("trimmed").invoke(null);
      assertEquals("Node[name=a, next=null, tags=null]", trimmed.toString());
    }
  }

  @Test
  void componentsNamedLikeGeneratedLocalsAndTypesSharingASimpleName() {
    Compilation compilation = compile(
        source("test.Api",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/things\")",
            "public interface Api {",
            "  Res post(Thing body);",
            "  Res put(java.util.function.Consumer<ThingBuilder> body);",
            "}"),
        source("test.Thing",
            "package test;",
            "import java.util.List;",
            "import org.jspecify.annotations.Nullable;",
            "public record Thing(List<Item> value, @Nullable List<Long> list, String reader,",
            "    @Nullable String stringAdapter, @Nullable String missing, test.a.Amount amount,",
            "    test.b.Amount otherAmount) {",
            "  public record Item(String each) {}",
            "}"),
        source("test.a.Amount", "package test.a;", "public record Amount(long total) {}"),
        source("test.b.Amount", "package test.b;", "public record Amount(String currency) {}"),
        RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void builderOfANestedRecordAndOfARecordInAnotherPackage() {
    Compilation compilation = compile(
        source("test.Restart",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "import java.util.function.Consumer;",
            "import test.models.ExternalBuilder;",
            "@Endpoint(\"v3/stocks/{id}/restart\")",
            "public interface Restart {",
            "  record Request(String creator) {}",
            "  Res post(@Path(\"id\") String id, Consumer<RestartRequestBuilder> body);",
            "  @Put Res replace(@Path(\"id\") String id, Consumer<ExternalBuilder> body);",
            "}"),
        source("test.models.External", "package test.models;",
            "@dev.wxpay.annotations.Model public record External(String x) {}"),
        RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.RestartRequestBuilder");
    assertThat(compilation).generatedSourceFile("test.models.ExternalBuilder");
  }

  @Test
  void queryRecordsGetABuilderButNoAdapterUnlessJsonCarriesThem() {
    Compilation compilation = compile(
        endpoint("v3/things", "  Res get(@Query Filter filter);", "  Res post(@Query Shared query, Shared body);"),
        source("test.Filter", "package test;", "public record Filter(String name, int limit) {}"),
        source("test.Shared", "package test;", "public record Shared(String name) {}"),
        RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.FilterBuilder");
    assertThat(compilation).generatedSourceFile("test.SharedJsonAdapter");
    assertThat(compilation).generatedSourceFile("test.ResJsonAdapter");
    assertTrue(compilation.generatedSourceFile("test.FilterJsonAdapter").isEmpty(),
        "a query record is never JSON");
  }

  /** Answer carries Detail and Both; Both is also in the request, Echo goes both ways, Summary is nested. */
  private static final JavaFileObject[] BUILDER_SCOPE = {
      source("test.Api",
          "package test;",
          "import dev.wxpay.annotations.*;",
          "@Endpoint(\"v3/things\")",
          "public interface Api {",
          "  record Summary(long total) {}",
          "  Answer get();",
          "  Res post(Req body);",
          "  Echo put(Echo body);",
          "  @Get Summary summary();",
          "}"),
      source("test.Answer", "package test;", "public record Answer(String id, Detail detail, Both both) {}"),
      source("test.Detail", "package test;", "public record Detail(int code) {}"),
      source("test.Both", "package test;", "public record Both(String name) {}"),
      source("test.Req", "package test;", "public record Req(String id, Both both) {}"),
      source("test.Echo", "package test;", "public record Echo(String id) {}"),
      RESPONSE,
  };

  @Test
  void answersGetAnAdapterButNoBuilderWhatACallerBuildsGetsBoth() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new WxpayProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror", "-Awxpay.kotlin=true")
        .compile(BUILDER_SCOPE);
    assertThat(compilation).succeededWithoutWarnings();
    for (String record : List.of("Answer", "Detail", "Both", "Req", "Echo", "Res", "ApiSummary")) {
      assertThat(compilation).generatedSourceFile("test." + record + "JsonAdapter");
    }
    // Read only: no builder, no Kotlin DSL.
    for (String answer : List.of("Answer", "Detail", "Res")) {
      assertTrue(compilation.generatedSourceFile("test." + answer + "Builder").isEmpty(), answer + "Builder");
      assertTrue(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "test", answer + "Dsl.kt").isEmpty(),
          answer + "Dsl.kt");
    }
    // Built by callers: in a request (Both inside Req), both ways (Echo), or nested in the interface.
    for (String built : List.of("Both", "Req", "Echo", "ApiSummary")) {
      assertThat(compilation).generatedSourceFile("test." + built + "Builder");
      assertThat(compilation).generatedFile(StandardLocation.SOURCE_OUTPUT, "test", built + "Dsl.kt");
    }
  }

  @Test
  void codeBuildingAnAnswerNeedsModel() {
    JavaFileObject test = source("test.Fake",
        "package test;",
        "final class Fake {",
        "  static Answer answer() {",
        "    return AnswerBuilder.build(b -> b.id(\"1\").detail(d -> d.code(0)).both(o -> o.name(\"x\")));",
        "  }",
        "}");
    JavaFileObject[] sources = java.util.Arrays.copyOf(BUILDER_SCOPE, BUILDER_SCOPE.length + 1);
    sources[sources.length - 1] = test;
    assertThat(compile(sources)).hadErrorContaining("cannot find symbol").inFile(test).onLine(4);

    // @Model on the answer brings its builder back, with the builders of the records it holds.
    JavaFileObject model = source("test.Answer", "package test;",
        "@dev.wxpay.annotations.Model public record Answer(String id, Detail detail, Both both) {}");
    sources[1] = model;
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.AnswerBuilder");
    assertThat(compilation).generatedSourceFile("test.DetailBuilder");
  }

  @Test
  void aConsumerOfAnAnswersBuilderMakesItABody() {
    // Thing is only an answer, of another interface, until Api takes its builder: it waits a round for it.
    Compilation compilation = compile(
        endpoint("v3/things", "  Res put(java.util.function.Consumer<ThingBuilder> body);"),
        source("test.Other",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/others\")",
            "public interface Other {",
            "  Thing get();",
            "}"),
        source("test.Thing", "package test;", "public record Thing(String name, Part part) {}"),
        source("test.Part", "package test;", "public record Part(String id) {}"),
        RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ThingBuilder");
    assertThat(compilation).generatedSourceFile("test.PartBuilder");
    assertTrue(compilation.generatedSourceFile("test.ResBuilder").isEmpty(), "Res is only an answer");
  }

  @Test
  void aTrailingSlashStaysInTheClientsPath() throws Exception {
    // POST v3/ecommerce/applyments/ is the real URL; the runtime sends and signs PATH as written.
    Compilation compilation = compile(endpoint("v3/ecommerce/applyments/", "  Res post(Res body);"), RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
    String client = compilation.generatedSourceFile("test.ApiClient").orElseThrow()
        .getCharContent(false).toString();
    assertTrue(client.contains("private static final String PATH = \"v3/ecommerce/applyments/\";"), client);
  }

  @Test
  void eachFileIsWrittenOnceAcrossRoundsAndInterfaces() {
    // Api waits a round for ThingBuilder; Other uses Thing too. A second write would fail the Filer.
    Compilation compilation = compile(
        endpoint("v3/things", "  Res put(java.util.function.Consumer<ThingBuilder> body);", "  Res post(Thing body);"),
        source("test.Other",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/others\")",
            "public interface Other {",
            "  Res post(Thing body);",
            "  Thing get();",
            "}"),
        source("test.Thing", "package test;", "public record Thing(String name, Res res) {}"),
        RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
    long things = compilation.generatedSourceFiles().stream()
        .filter(file -> file.getName().endsWith("ThingBuilder.java")).count();
    assertEquals(1, things);
  }

  @Test
  void everyEndpointIsListedInTheIndexByBinaryNameOnce() throws Exception {
    // Api waits a round for ThingBuilder (listed once all the same); Outer.Inner is nested; Thing is no endpoint.
    Compilation compilation = compile(
        endpoint("v3/things", "  Res put(java.util.function.Consumer<ThingBuilder> body);", "  Res post(Thing body);"),
        source("test.Outer",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "public interface Outer {",
            "  @Endpoint(\"v3/inner\")",
            "  interface Inner {",
            "    Res get();",
            "  }",
            "}"),
        source("test.Thing", "package test;", "public record Thing(String name) {}"),
        RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
    String index = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "",
        dev.wxpay.annotations.rules.GeneratedNames.ENDPOINT_INDEX).orElseThrow().getCharContent(false).toString();
    assertEquals("test.Api\ntest.Outer$Inner\n", index);
  }

  @Test
  void aBuildOfSomeFilesKeepsTheOtherEndpointsOfTheIndex(@TempDir Path classes) throws Exception {
    // As an IDE builds: first everything, then only the file that changed, into the same output.
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;
    List<String> options = List.of("-d", classes.toString(), "-classpath", classPath, "-proc:only");
    javax.tools.JavaCompiler.CompilationTask all = javac.getTask(null, null, null,
        List.of("-d", classes.toString(), "-classpath", classPath), null, List.of(
            endpoint("v3/things", "  Res get();"),
            source("test.Other", "package test;", "@dev.wxpay.annotations.Endpoint(\"v3/others\")",
                "public interface Other {", "  Res get();", "}"),
            source("test.Gone", "package test;", "@dev.wxpay.annotations.Endpoint(\"v3/gone\")",
                "public interface Gone {", "  Res get();", "}"),
            RESPONSE));
    all.setProcessors(List.of(new WxpayProcessor()));
    assertTrue(all.call());
    // Gone is no endpoint any more (its class file says so); Api changed.
    java.nio.file.Files.delete(classes.resolve("test/Gone.class"));
    javax.tools.JavaCompiler.CompilationTask some = javac.getTask(null, null, null, options, null, List.of(
        endpoint("v3/things", "  Res get();", "  Res post(Res body);")));
    some.setProcessors(List.of(new WxpayProcessor()));
    assertTrue(some.call());
    assertEquals("test.Api\ntest.Other\n", java.nio.file.Files.readString(
        classes.resolve(dev.wxpay.annotations.rules.GeneratedNames.ENDPOINT_INDEX)));
  }

  @Test
  void aCompilationWithoutEndpointsWritesNoIndex() {
    Compilation compilation = compile(source("test.Thing", "package test;",
        "@dev.wxpay.annotations.Model public record Thing(String name) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "",
        dev.wxpay.annotations.rules.GeneratedNames.ENDPOINT_INDEX).isEmpty());
  }

  @Test
  void kotlinKeywordsInPackagesAndNamesAreEscaped() throws Exception {
    // Java allows these names; Kotlin reads fun, in and object as keywords unless they are in backticks.
    // The string checks pin the escaping; the Kotlin sample compiles such names with kotlinc.
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new WxpayProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror", "-Awxpay.kotlin=true")
        .compile(
            source("test.fun.Api",
                "package test.fun;",
                "import dev.wxpay.annotations.*;",
                "@Endpoint(\"v3/things\")",
                "public interface Api {",
                "  test.Res post(Thing body);",
                "  java.util.concurrent.CompletableFuture<test.Res> postAsync(Thing in);",
                "}"),
            source("test.fun.Thing", "package test.fun;",
                "public record Thing(String in, @org.jspecify.annotations.Nullable String object) {}"),
            RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
    String dsl = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "test.fun", "ThingDsl.kt").orElseThrow()
        .getCharContent(false).toString();
    assertTrue(dsl.contains("package test.`fun`\n"), dsl);
    assertTrue(dsl.contains("public var `in`: String\n"), dsl);
    assertTrue(dsl.contains("public var `object`: String?\n"), dsl);
    assertTrue(dsl.contains("`$builder`.`in`(value)"), dsl);
    // The await extensions (written only where kotlinx-coroutines is) are compiled by kotlinc in the
    // Kotlin sample, whose endpoint has a parameter named `in`.
  }

  @Test
  void inheritedMethodsAreImplementedOnce() {
    Compilation compilation = compile(
        source("test.Base",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "public interface Base<T> {",
            "  Res post(@Path(\"id\") String id, T body);",
            "  Res get(@Path(\"id\") String id);",
            "}"),
        source("test.Other",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "public interface Other {",
            "  Res get(@Path(\"id\") String id);",
            "}"),
        source("test.Api",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/things/<id>\")",
            "public interface Api extends Base<Req>, Other {}"),
        source("test.Req", "package test;", "public record Req(String name) {}"),
        RESPONSE);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void recordsFromALibraryKeepTheirBuilders(@TempDir Path library) throws Exception {
    Compilation models = compile(
        source("lib.LibApi",
            "package lib;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/lib\")",
            "public interface LibApi {",
            "  LibRes post(LibReq body);",
            "}"),
        source("lib.LibReq", "package lib;", "public record LibReq(String name) {}"),
        source("lib.LibRes", "package lib;", "public record LibRes(String id) {}"));
    assertThat(models).succeededWithoutWarnings();
    CompiledClasses.load(models, library).close();

    List<File> classpath = new java.util.ArrayList<>(List.of(library.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    Compilation user = Compiler.javac()
        .withProcessors(new WxpayProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .withClasspath(classpath)
        .compile(source("app.Mine",
            "package app;",
            "import dev.wxpay.annotations.*;",
            "import java.util.function.Consumer;",
            "import lib.LibReqBuilder;",
            "import lib.LibRes;",
            "@Endpoint(\"v3/mine\")",
            "public interface Mine {",
            "  LibRes post(Consumer<LibReqBuilder> body);",
            "}"));
    assertThat(user).succeededWithoutWarnings();
    assertThat(user).generatedSourceFile("app.MineClient");
    assertEquals(1, user.generatedSourceFiles().size(), "library builders and adapters are reused");
  }

  @Test
  void aLibrarysAnswerTakenAsABodyGetsItsBuilderHere(@TempDir Path library) throws Exception {
    Compilation models = compile(
        source("lib.LibApi",
            "package lib;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/lib\")",
            "public interface LibApi {",
            "  LibRes get();",
            "}"),
        source("lib.LibRes", "package lib;", "public record LibRes(String id) {}"));
    assertThat(models).succeededWithoutWarnings();
    assertTrue(models.generatedSourceFile("lib.LibResBuilder").isEmpty(), "an answer in the library");
    CompiledClasses.load(models, library).close();

    List<File> classpath = new java.util.ArrayList<>(List.of(library.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    Compilation user = Compiler.javac()
        .withProcessors(new WxpayProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .withClasspath(classpath)
        .compile(source("app.Mine",
            "package app;",
            "import dev.wxpay.annotations.*;",
            "import lib.LibRes;",
            "@Endpoint(\"v3/mine\")",
            "public interface Mine {",
            "  LibRes post(LibRes body);",
            "}"));
    assertThat(user).succeededWithoutWarnings();
    assertThat(user).generatedSourceFile("lib.LibResBuilder");
  }

  @Test
  void integerEnumsFromALibraryKeepTheirNumbers(@TempDir Path library) throws Exception {
    Compilation models = compile(
        source("lib.Installments", "package lib;", "import dev.wxpay.annotations.JsonNumber;",
            "public enum Installments { @JsonNumber(3) THREE, @JsonNumber(6) SIX }"),
        source("lib.LibPlan", "package lib;",
            "@dev.wxpay.annotations.Model public record LibPlan(Installments installments) {}"));
    assertThat(models).succeededWithoutWarnings();
    CompiledClasses.load(models, library).close();

    List<File> classpath = new java.util.ArrayList<>(List.of(library.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    // @JsonNumber is kept in the class file, so the processor sees it on the library's compiled enum.
    Compilation user = Compiler.javac()
        .withProcessors(new WxpayProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .withClasspath(classpath)
        .compile(source("app.Plans",
            "package app;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/plans\")",
            "public interface Plans {",
            "  lib.LibPlan get(@Query(\"installments\") lib.Installments installments);",
            "}"));
    assertThat(user).succeededWithoutWarnings();
    assertThat(user).generatedSourceFile("app.PlansClient").contentsAsUtf8String()
        .contains(".query(\"installments\", InstallmentsJsonAdapter.jsonNumber(installments))");
    assertEquals(1, user.generatedSourceFiles().size(), "the library's enum adapter is reused");
  }

  @Test
  void aModelNoEndpointUsesGetsItsAdapter() {
    Compilation compilation = compile(source("test.Transaction",
        "package test;",
        "@dev.wxpay.annotations.Model",
        "public record Transaction(String outTradeNo, String tradeState) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.TransactionJsonAdapter");
    assertThat(compilation).generatedSourceFile("test.TransactionBuilder");
  }

  /** What kapt shows the processor for {@code data class Pause(val stockId: String, val note: String?, val isVip: Boolean)}. */
  private static final JavaFileObject KAPT_STUB = source("test.Pause",
      "package test;",
      "@kotlin.Metadata(mv = {2, 2, 0}, k = 1)",
      "public final class Pause {",
      "  private final String stockId = null;",
      "  private final String note = null;",
      "  private final boolean isVip = false;",
      "  public Pause(@org.jetbrains.annotations.NotNull() String stockId,",
      "      @org.jetbrains.annotations.Nullable() String note, boolean isVip) { super(); }",
      "  @org.jetbrains.annotations.NotNull() public final String getStockId() { return null; }",
      "  @org.jetbrains.annotations.Nullable() public final String getNote() { return null; }",
      "  public final boolean isVip() { return false; }",
      "  public final String component1() { return null; }",
      "  public final String component2() { return null; }",
      "  public final boolean component3() { return false; }",
      "}");

  @Test
  void kotlinDataClassesFromKaptStubs() throws Exception {
    Compilation compilation = compile(
        source("test.Api",
            "package test;",
            "import dev.wxpay.annotations.*;",
            "@Endpoint(\"v3/pause\")",
            "public interface Api {",
            "  Pause post(Pause body);",
            "}"),
        KAPT_STUB);
    assertThat(compilation).succeededWithoutWarnings();
    String adapter = compilation.generatedSourceFile("test.PauseJsonAdapter").orElseThrow()
        .getCharContent(false).toString();
    assertTrue(adapter.replaceAll("\\s+", " ").contains("JsonReader.Options.of(\"stock_id\", \"note\", \"is_vip\")"),
        adapter);
    assertTrue(adapter.contains("value.getStockId()") && adapter.contains("value.isVip()"), adapter);
    assertTrue(adapter.contains("if (value.getNote() != null)"), "the @Nullable property is optional");
    assertTrue(adapter.contains("throw JsonAdapters.missing(\"stock_id\", reader)"), "the others are required");
  }

  @Test
  void suspendFunctionsNeedKotlinxCoroutines() {
    JavaFileObject api = endpoint("v3/pause", "  Object post(Pause body, kotlin.coroutines.Continuation<? super Pause> $completion);");
    Compilation compilation = compile(api, KAPT_STUB);
    assertThat(compilation).hadErrorContaining("suspend post() needs kotlinx-coroutines-core on the class"
        + " path (it awaits the call with kotlinx.coroutines.future.await)")
        .inFile(api).onLine(5);
  }

  @Test
  void encryptedIsRefusedInKotlinDataClasses() {
    // kapt's stub of data class Card(@Encrypted val number: String): its toString() cannot be checked.
    JavaFileObject stub = source("test.Card",
        "package test;",
        "@kotlin.Metadata(mv = {2, 2, 0}, k = 1)",
        "public final class Card {",
        "  private final String number = null;",
        "  public Card(@dev.wxpay.annotations.Encrypted @org.jetbrains.annotations.NotNull() String number) {}",
        "  @org.jetbrains.annotations.NotNull() public final String getNumber() { return null; }",
        "  public final String component1() { return null; }",
        "}");
    Compilation compilation = compile(endpoint("v3/pause", "  Pause post(Card body);"), KAPT_STUB, stub);
    assertThat(compilation).hadErrorContaining("@Encrypted is not supported in Kotlin data classes yet")
        .inFile(stub).onLine(5);
  }

  @Test
  void typeParametersOnTheInterface() {
    JavaFileObject api = source("test.Api",
        "package test;",
        "import dev.wxpay.annotations.*;",
        "@Endpoint(\"v3/pause\")",
        "public interface Api<T> {",
        "  Pause post(Pause body);",
        "}");
    assertThat(compile(api, KAPT_STUB)).hadErrorContaining("@Endpoint interfaces cannot have type parameters")
        .inFile(api).onLine(4);
  }
}
