package dev.wxpay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wxpay.processor.Compilations.compile;
import static dev.wxpay.processor.Compilations.endpoint;
import static dev.wxpay.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per processor error: the message, and the file and line of the offending element. */
class ProcessorErrorsTest {
  private static final JavaFileObject REQUEST = source("test.Req",
      "package test;",
      "public record Req(String name) {}");
  private static final JavaFileObject RESPONSE = source("test.Res",
      "package test;",
      "public record Res(String id) {}");

  /** An endpoint interface whose body starts on line 4. */

  private static Compilation compileEndpoint(String path, String... members) {
    return compile(endpoint(path, members), REQUEST, RESPONSE);
  }

  @Test
  void placeholderWithoutPathParameter() {
    Compilation compilation = compileEndpoint("v3/stocks/<stock_id>/restart",
        "  Res post(Req body);");
    assertThat(compilation).hadErrorContaining(
            "placeholder <stock_id> of @Endpoint path has no @Path(\"stock_id\") parameter in post()")
        .inFile(endpoint("v3/stocks/<stock_id>/restart", "  Res post(Req body);"))
        .onLine(5);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void pathParameterWithoutPlaceholder() {
    Compilation compilation = compileEndpoint("v3/stocks/{stock_id}",
        "  Res get(@Path(\"stock_id\") String id,",
        "          @Path(\"stok\") String typo);");
    assertThat(compilation).hadErrorContaining(
            "@Path(\"stok\") on 'typo' matches no placeholder of @Endpoint path; placeholders are [stock_id]")
        .inFile(endpoint("v3/stocks/{stock_id}", "")).onLine(6);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicatePathParameter() {
    Compilation compilation = compileEndpoint("v3/stocks/<stock_id>",
        "  Res get(@Path(\"stock_id\") String id,",
        "          @Path(\"stock_id\") String again);");
    assertThat(compilation).hadErrorContaining("duplicate @Path(\"stock_id\"): already bound to 'id'")
        .inFile(endpoint("v3/stocks/<stock_id>", "")).onLine(6);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoBodies() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  Res post(Req first,",
        "           Req second);");
    assertThat(compilation).hadErrorContaining(
            "two request bodies in post(): 'first' and 'second'; a call has one body")
        .inFile(endpoint("v3/stocks", "")).onLine(6);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void bodyOnGet() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  Res get(@Body Req body);");
    assertThat(compilation).hadErrorContaining(
            "GET get() cannot have a request body ('body'); use @Query or @Path parameters")
        .inFile(endpoint("v3/stocks", "")).onLine(5);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void builderBodyOnGet() {
    // DELETE takes the same body without complaint (ProcessorShapesTest); GET still does not.
    Compilation compilation = compileEndpoint("v3/stocks",
        "  @Delete Res remove(Req body);",
        "  @Get Res find(java.util.function.Consumer<ReqBuilder> filter);");
    assertThat(compilation).hadErrorContaining(
            "GET find() cannot have a request body ('filter'); use @Query or @Path parameters")
        .inFile(endpoint("v3/stocks", "")).onLine(6);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unsupportedReturnType() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  String get();");
    assertThat(compilation).hadErrorContaining("unsupported return type java.lang.String of get();"
            + " return a record, void, or CompletableFuture of a record or Void")
        .inFile(endpoint("v3/stocks", "")).onLine(5);
  }

  @Test
  void unsupportedFutureArgument() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  java.util.concurrent.CompletableFuture<String> getAsync();");
    assertThat(compilation).hadErrorContaining("unsupported return type"
            + " java.util.concurrent.CompletableFuture<java.lang.String> of getAsync()")
        .inFile(endpoint("v3/stocks", "")).onLine(5);
  }

  @Test
  void unsupportedParameterType() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  Res post(java.util.Map<String, String> body);");
    assertThat(compilation).hadErrorContaining("unsupported parameter type"
            + " java.util.Map<java.lang.String,java.lang.String> of 'body' in post()")
        .inFile(endpoint("v3/stocks", "")).onLine(5);
  }

  @Test
  void methodNameWithoutHttpMethod() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  Res create(Req body);");
    assertThat(compilation).hadErrorContaining("cannot tell the HTTP method of create(): name it get,"
            + " post, put, patch or delete (optionally with the suffix Async) or annotate it with @Get,"
            + " @Post, @Put, @Patch or @Delete")
        .inFile(endpoint("v3/stocks", "")).onLine(5);
  }

  @Test
  void annotationContradictsName() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  @Post",
        "  Res get();");
    assertThat(compilation).hadErrorContaining("get() is named for GET but annotated @Post")
        .inFile(endpoint("v3/stocks", "")).onLine(6);
  }

  @Test
  void twoMethodAnnotations() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  @Post @Put",
        "  Res send(Req body);");
    assertThat(compilation).hadErrorContaining("send() has more than one HTTP method annotation")
        .inFile(endpoint("v3/stocks", "")).onLine(6);
  }

  @Test
  void endpointOnClass() {
    JavaFileObject file = source("test.Api",
        "package test;",
        "import dev.wxpay.annotations.*;",
        "@Endpoint(\"v3/stocks\")",
        "public abstract class Api {}");
    assertThat(compile(file)).hadErrorContaining(
            "@Endpoint applies to interfaces, but Api is a class")
        .inFile(file).onLine(3);
  }

  @Test
  void emptyPath() {
    assertBadPath("", "the path is empty");
  }

  @Test
  void doubleSlash() {
    assertBadPath("v3//stocks", "empty segment ('//')");
    assertBadPath("v3/stocks//", "empty segment ('//')");
  }

  @Test
  void unclosedPlaceholder() {
    assertBadPath("v3/stocks/<stock_id/restart",
        "malformed placeholder '<stock_id'; write <name> or {name} as a whole segment");
  }

  @Test
  void absoluteUrl() {
    assertBadPath("https://api.mch.weixin.qq.com/v3/stocks",
        "an absolute URL is not allowed; give the path relative to the API base, e.g. v3/...");
  }

  @Test
  void leadingSlash() {
    assertBadPath("/v3/stocks", "the path must not start with '/'");
  }

  @Test
  void queryInPath() {
    assertBadPath("v3/stocks?limit=10", "the path must not contain a query or fragment");
  }

  @Test
  void pathSegmentThatNeedsEncoding() {
    assertBadPath("v3/my stocks", "segment 'my stocks' has characters that must be percent-encoded in a URL");
  }

  @Test
  void hongKongPathOnTheMainlandHost() {
    JavaFileObject file = source("test.Api",
        "package test;",
        "import dev.wxpay.annotations.*;",
        "@Endpoint(\"hk/v3/refunds\")",
        "public interface Api {",
        "  Res post(Req body);",
        "}");
    Compilation compilation = compile(file, REQUEST, RESPONSE);
    assertThat(compilation).hadErrorContaining(
            "@Endpoint path \"hk/v3/refunds\" is served by the Hong Kong host only; add host = Host.HONG_KONG")
        .inFile(file).onLine(3);
    assertThat(compilation).hadErrorCount(1);

    // Said explicitly, MAINLAND is the same mistake; HONG_KONG is right.
    assertThat(compile(source("test.Api",
        "package test;",
        "import dev.wxpay.annotations.*;",
        "@Endpoint(value = \"hk/v3/refunds\", host = Host.MAINLAND)",
        "public interface Api { Res post(Req body); }"), REQUEST, RESPONSE)).hadErrorCount(1);
    assertThat(compile(source("test.Api",
        "package test;",
        "import dev.wxpay.annotations.*;",
        "@Endpoint(value = \"hk/v3/refunds\", host = Host.HONG_KONG)",
        "public interface Api { Res post(Req body); }"), REQUEST, RESPONSE)).succeededWithoutWarnings();
  }

  @Test
  void headerSetByTheRuntime() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  Res get(@Header(\"Authorization\") String token);");
    assertThat(compilation).hadErrorContaining(
            "@Header(\"Authorization\") is set by the runtime or the HTTP client and cannot be declared")
        .inFile(endpoint("v3/stocks", "")).onLine(5);
  }

  @Test
  void recordsReferringToEachOther() {
    JavaFileObject a = source("test.A",
        "package test;",
        "import org.jspecify.annotations.Nullable;",
        "public record A(@Nullable B b) {}");
    JavaFileObject b = source("test.B",
        "package test;",
        "import org.jspecify.annotations.Nullable;",
        "public record B(@Nullable C c) {}");
    JavaFileObject c = source("test.C",
        "package test;",
        "import org.jspecify.annotations.Nullable;",
        "public record C(@Nullable A a) {}");
    Compilation compilation = compile(endpoint("v3/stocks", "  Res post(A body);"), a, b, c, RESPONSE);
    assertThat(compilation).hadErrorContaining(
            "record A refers back to itself through B -> C; only a record that refers to itself directly"
                + " is supported")
        .inFile(a).onLine(3);
  }

  @Test
  void generatedNameTakenByAUserType() {
    JavaFileObject taken = source("test.ApiClient",
        "package test;",
        "public class ApiClient {}");
    Compilation compilation = compile(endpoint("v3/stocks", "  Res get();"), taken, RESPONSE);
    assertThat(compilation).hadErrorContaining("wxpay generates test.ApiClient for test.Api, but a type of"
            + " that name already exists; rename one of them")
        .inFile(endpoint("v3/stocks", "")).onLine(4);
  }

  @Test
  void twoRecordsWithTheSameGeneratedNames() {
    JavaFileObject nested = source("test.Outer",
        "package test;",
        "public record Outer(String name) {",
        "  public record Inner(String id) {}",
        "}");
    JavaFileObject flat = source("test.OuterInner",
        "package test;",
        "public record OuterInner(String id) {}");
    Compilation compilation = compile(
        endpoint("v3/stocks", "  Res post(Outer.Inner body);", "  @Put Res put(OuterInner body);"),
        nested, flat, RESPONSE);
    assertThat(compilation).hadErrorContaining(
            "wxpay generates test.OuterInnerBuilder for both test.Outer.Inner and test.OuterInner")
        .inFile(flat).onLine(2);
  }

  @Test
  void encryptedNonString() {
    JavaFileObject record = source("test.Secret",
        "package test;",
        "public record Secret(",
        "    @dev.wxpay.annotations.Encrypted long number) {",
        "  @Override public String toString() { return \"Secret\"; }",
        "}");
    Compilation compilation = compile(endpoint("v3/stocks", "  Res post(Secret body);"), record, RESPONSE);
    assertThat(compilation).hadErrorContaining("@Encrypted applies to String components; 'number' is long")
        .inFile(record).onLine(3);
  }

  @Test
  void encryptedJsonValue() {
    JavaFileObject record = source("test.Secret",
        "package test;",
        "public record Secret(",
        "    @dev.wxpay.annotations.Encrypted dev.wxpay.runtime.JsonValue content) {",
        "  @Override public String toString() { return \"Secret\"; }",
        "}");
    Compilation compilation = compile(endpoint("v3/stocks", "  Res post(Secret body);"), record, RESPONSE);
    assertThat(compilation).hadErrorContaining(
            "@Encrypted applies to String components; 'content' is dev.wxpay.runtime.JsonValue")
        .inFile(record).onLine(3);
  }

  @Test
  void encryptedWithoutToString() {
    JavaFileObject record = source("test.Secret",
        "package test;",
        "public record Secret(String openid,",
        "    @dev.wxpay.annotations.Encrypted String name) {}");
    Compilation compilation = compile(endpoint("v3/stocks", "  Res post(Secret body);"), record, RESPONSE);
    assertThat(compilation).hadErrorContaining("record Secret has @Encrypted component 'name'; override"
            + " toString() so that its plain text never reaches a log")
        .inFile(record).onLine(3);
  }

  @Test
  void encryptedQueryComponent() {
    JavaFileObject query = source("test.BankQuery",
        "package test;",
        "public record BankQuery(@dev.wxpay.annotations.Encrypted String accountNumber) {",
        "  @Override public String toString() { return \"BankQuery\"; }",
        "}");
    Compilation compilation = compile(endpoint("v3/banks", "  Res get(@Query BankQuery query);"), query, RESPONSE);
    assertThat(compilation).hadErrorContaining("query record test.BankQuery component 'accountNumber' is"
            + " @Encrypted, but query parameters are sent in the clear")
        .inFile(endpoint("v3/banks", "")).onLine(5);
  }

  @Test
  void encryptedParameter() {
    Compilation compilation = compileEndpoint("v3/banks",
        "  Res get(@Query(\"account_number\") @Encrypted String accountNumber);");
    assertThat(compilation).hadErrorContaining("@Encrypted applies to components of a body or response"
            + " record; 'accountNumber' would be sent in the clear")
        .inFile(endpoint("v3/banks", "")).onLine(5);
  }

  @Test
  void modelOnAClass() {
    JavaFileObject file = source("test.Transaction",
        "package test;",
        "@dev.wxpay.annotations.Model",
        "public class Transaction {}");
    assertThat(compile(file)).hadErrorContaining("@Model applies to records, but Transaction is not one")
        .inFile(file).onLine(3);
  }

  private static void assertBadPath(String path, String problem) {
    Compilation compilation = compileEndpoint(path, "  Res get();");
    assertThat(compilation).hadErrorContaining("bad @Endpoint path \"" + path + "\": " + problem)
        .inFile(endpoint(path, "")).onLine(3);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unsupportedComponentType() {
    JavaFileObject record = source("test.Bad",
        "package test;",
        "public record Bad(String name,",
        "    java.util.Map<String, String> attributes) {}");
    Compilation compilation = compile(endpoint("v3/stocks", "  Res post(Bad body);"), record, RESPONSE);
    assertThat(compilation).hadErrorContaining("component 'attributes' has unsupported type"
            + " java.util.Map<java.lang.String,java.lang.String>")
        .inFile(record).onLine(3);
  }

  @Test
  void builderOfUnknownRecord() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  Res post(java.util.function.Consumer<NothingBuilder> body);");
    assertThat(compilation).hadErrorContaining("but NothingBuilder is not a builder wxpay generated; wxpay writes"
            + " XBuilder for each record X that an @Endpoint method takes or returns, that the endpoint interface"
            + " nests, or that is annotated @Model")
        .inFile(endpoint("v3/stocks", "")).onLine(5);
  }

  /**
   * A misspelt builder name next to a record the user may have meant: the message names the type as written
   * and what wxpay writes, and guesses no record (issue: it used to print "no record ?").
   */
  @Test
  void misspeltBuilderIsNamedAsWrittenWithoutAGuess() {
    Compilation compilation = compileEndpoint("v3/stocks",
        "  Res post(Req body);",
        "  Res put(java.util.function.Consumer<ReqBuildr> body);");
    assertThat(compilation).hadErrorContaining("'body' is java.util.function.Consumer<ReqBuildr>, but ReqBuildr is"
            + " not a builder wxpay generated; wxpay writes XBuilder for each record X")
        .inFile(endpoint("v3/stocks", "")).onLine(6);
    // Besides javac's own "cannot find symbol", which names the type too.
    for (javax.tools.Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      String message = error.getMessage(java.util.Locale.ROOT);
      if (message.contains("?")) {
        throw new AssertionError("the message guesses: " + message);
      }
    }
  }

  @Test
  void kaptPlaceholderForABuilderNamesTheKaptOption() {
    // What kapt's stubs show for a builder that does not exist yet, unless correctErrorTypes is on.
    JavaFileObject api = endpoint("v3/stocks", "  Res post(java.util.function.Consumer<error.NonExistentClass> body);");
    Compilation compilation = compile(api, REQUEST, RESPONSE,
        source("error.NonExistentClass", "package error;", "public final class NonExistentClass {}"));
    assertThat(compilation).hadErrorContaining("'body': kapt replaced the builder type with"
            + " error.NonExistentClass because it does not exist before the processor runs; set kapt's"
            + " correctErrorTypes to true")
        .inFile(api).onLine(5);
  }

  /** Compiles one endpoint member and checks the error on line 5, where the member stands. */
  private static void assertMemberError(String member, String message, JavaFileObject... more) {
    JavaFileObject api = endpoint("v3/stocks/<id>", member);
    JavaFileObject[] sources = new JavaFileObject[more.length + 3];
    sources[0] = api;
    sources[1] = REQUEST;
    sources[2] = RESPONSE;
    System.arraycopy(more, 0, sources, 3, more.length);
    assertThat(compile(sources)).hadErrorContaining(message).inFile(api).onLine(5);
  }

  @Test
  void aConsumerOfAnotherClassWithABuildMethodIsNotTakenForTheBuilder() {
    assertMemberError("  Res post(@Path(\"id\") String id, java.util.function.Consumer<test.Maker> body);",
        "'body' is java.util.function.Consumer<test.Maker>, but test.Maker is not the builder wxpay generates for"
            + " record test.Req; write Consumer<ReqBuilder>",
        source("test.Maker", "package test;", "public final class Maker { public Req build() { return null; } }"));
  }

  @Test
  void aWildcardConsumer() {
    assertMemberError("  Res post(@Path(\"id\") String id, java.util.function.Consumer<? super ReqBuilder> body);",
        "'body': write Consumer<XBuilder> without a wildcard");
  }

  @Test
  void moreThanOneBindingAnnotation() {
    assertMemberError("  Res get(@Path(\"id\") @Query(\"id\") String id);",
        "parameter 'id' has more than one of @Path, @Query, @Header and @Body");
  }

  @Test
  void headerNameThatIsNoToken() {
    assertMemberError("  Res get(@Path(\"id\") String id, @Header(\"Bad Name\") String value);",
        "@Header(\"Bad Name\") is not a valid header name");
  }

  @Test
  void parameterTypesThatDoNotFitTheirBinding() {
    assertMemberError("  Res get(@Path(\"id\") double id);", "@Path parameter 'id' must be a String, int or long");
    assertMemberError("  Res get(@Path(\"id\") String id, @Header(\"X-Count\") int count);",
        "@Header parameter 'count' must be a String");
    assertMemberError("  Res get(@Path(\"id\") String id, @Query(\"ids\") java.util.Set<String> ids);",
        "@Query(\"ids\") parameter 'ids' must be a string, number, boolean, enum or OffsetDateTime, or a List of"
            + " these; use @Query without a name on a record for several parameters");
  }

  @Test
  void queryListOfRecords() {
    assertMemberError("  Res get(@Path(\"id\") String id, @Query(\"reqs\") java.util.List<Req> reqs);",
        "@Query(\"reqs\") parameter 'reqs' is a List of test.Req; a query list holds strings, numbers, booleans,"
            + " enums or OffsetDateTimes, sent as one parameter with the values separated by commas");
  }

  @Test
  void queryListOfLists() {
    assertMemberError(
        "  Res get(@Path(\"id\") String id, @Query(\"ids\") java.util.List<java.util.List<String>> ids);",
        "@Query(\"ids\") parameter 'ids' is a List of java.util.List<java.lang.String>; a query list holds");
  }

  @Test
  void queryRecordWithAListOfRecords() {
    JavaFileObject query = source("test.Filter",
        "package test;",
        "public record Filter(String name, java.util.List<Req> reqs) {}");
    JavaFileObject api = endpoint("v3/things", "  Res get(@Query Filter filter);");
    Compilation compilation = compile(api, query, REQUEST, RESPONSE);
    assertThat(compilation).hadErrorContaining("query record test.Filter component 'reqs' is a List of test.Req;"
            + " a query list holds strings, numbers, booleans, enums or OffsetDateTimes")
        .inFile(api).onLine(5);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void queryRecordWithARecord() {
    JavaFileObject query = source("test.Filter",
        "package test;",
        "public record Filter(String name, Req req) {}");
    JavaFileObject api = endpoint("v3/things", "  Res get(@Query Filter filter);");
    assertThat(compile(api, query, REQUEST, RESPONSE)).hadErrorContaining("query record test.Filter component"
            + " 'req' must be a scalar (string, number, boolean, enum or OffsetDateTime) or a List of scalars")
        .inFile(api).onLine(5);
  }

  @Test
  void queryRecordWithAListOfLists() {
    // Records cannot nest lists at all; the component is named where it is declared.
    JavaFileObject query = source("test.Filter",
        "package test;",
        "public record Filter(String name,",
        "    java.util.List<java.util.List<String>> ids) {}");
    JavaFileObject api = endpoint("v3/things", "  Res get(@Query Filter filter);");
    Compilation compilation = compile(api, query, RESPONSE);
    assertThat(compilation).hadErrorContaining("component 'ids' has unsupported type"
            + " java.util.List<java.util.List<java.lang.String>>")
        .inFile(query).onLine(3);
    assertThat(compilation).hadErrorContaining("parameter 'filter' uses record Filter, which has errors")
        .inFile(api).onLine(5);
  }

  @Test
  void jsonValueHasNoQueryForm() {
    assertMemberError("  Res get(@Path(\"id\") String id, @Query(\"extra\") dev.wxpay.runtime.JsonValue extra);",
        "@Query parameter 'extra' is a JsonValue, which has no form in a query string; WeChat Pay takes untyped"
            + " JSON in a body");
    assertMemberError("  Res get(@Path(\"id\") String id, @Query dev.wxpay.runtime.JsonValue extra);",
        "@Query parameter 'extra' is a JsonValue, which has no form in a query string");
    JavaFileObject query = source("test.Filter",
        "package test;",
        "import dev.wxpay.runtime.JsonValue;",
        "public record Filter(String name, @org.jspecify.annotations.Nullable JsonValue extra) {}");
    assertMemberError("  Res get(@Path(\"id\") String id, @Query Filter filter);",
        "query record test.Filter component 'extra' is a JsonValue, which has no form in a query string; WeChat"
            + " Pay takes untyped JSON in a body", query);
  }

  @Test
  void typeParametersOnAMethod() {
    assertMemberError("  <T> Res get(@Path(\"id\") String id);", "get(): endpoint methods cannot have type parameters");
  }

  @Test
  void downloadsMustBeDeclaredUnsignedAndOnlyDownloadsMayBe() {
    assertMemberError("  dev.wxpay.runtime.Download get(@Path(\"id\") String id);",
        "get() returns a Download, which is not verified; mark it @UnsignedResponse");
    assertMemberError("  @UnsignedResponse Res get(@Path(\"id\") String id);",
        "@UnsignedResponse get() must return Download or CompletableFuture<Download>");
    assertMemberError("  Res get(@Path(\"id\") String id, dev.wxpay.runtime.DownloadHash hash);",
        "a DownloadHash parameter belongs to an @UnsignedResponse download");
  }

  @Test
  void recordsTheBuilderCannotHave() {
    JavaFileObject clash = source("test.Clash", "package test;", "public record Clash(String build) {}");
    assertThat(compile(endpoint("v3/x", "  Res post(Clash body);"), RESPONSE, clash))
        .hadErrorContaining("component 'build' clashes with the generated builder's build() method")
        .inFile(clash).onLine(2);
    JavaFileObject twice = source("test.Twice", "package test;",
        "public record Twice(String a, @com.squareup.moshi.Json(name = \"a\") String b) {}");
    assertThat(compile(endpoint("v3/x", "  Res post(Twice body);"), RESPONSE, twice))
        .hadErrorContaining("JSON name 'a' is used by two components")
        .inFile(twice).onLine(2);
    JavaFileObject generic = source("test.Box", "package test;", "public record Box<T>(T value) {}");
    JavaFileObject api = endpoint("v3/x", "  Res post(Box<String> body);");
    assertThat(compile(api, RESPONSE, generic))
        .hadErrorContaining("generic records are not supported: test.Box<java.lang.String>")
        .inFile(api).onLine(5);
  }

  @Test
  void anEndpointExtendingAnotherEndpointDirectlyOrNot() {
    JavaFileObject parent = source("test.Parent", "package test;", "import dev.wxpay.annotations.*;",
        "@Endpoint(\"v3/parent\")", "public interface Parent {", "  Res get();", "}");
    JavaFileObject middle = source("test.Middle", "package test;", "public interface Middle extends Parent {}");
    JavaFileObject child = source("test.Child", "package test;", "import dev.wxpay.annotations.*;",
        "@Endpoint(\"v3/child\")", "public interface Child extends Middle {", "}");
    Compilation compilation = compile(parent, middle, child, RESPONSE);
    assertThat(compilation).hadErrorContaining("@Endpoint interface Child extends @Endpoint interface Parent,"
            + " whose methods would then be sent to \"v3/child\"; declare shared methods in an interface"
            + " without @Endpoint")
        .inFile(child).onLine(4);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anInheritedMethodsErrorIsReportedOnTheEndpointNamingTheMethod(@TempDir Path library) throws Exception {
    JavaFileObject base = source("test.Base", "package test;", "public interface Base {", "  Res fetch();", "}");
    JavaFileObject api = source("test.Api", "package test;", "import dev.wxpay.annotations.*;",
        "@Endpoint(\"v3/x\")", "public interface Api extends Base {", "}");
    assertThat(compile(api, base, RESPONSE))
        .hadErrorContaining("in fetch() inherited from test.Base: cannot tell the HTTP method of fetch()")
        .inFile(api).onLine(4);

    // From a compiled library, where the method has no source line of its own.
    Compilation lib = compile(source("lib.Lookup", "package lib;", "public interface Lookup {",
        "  test.Res get(@dev.wxpay.annotations.Path(\"id\") String id);", "}"), RESPONSE);
    assertThat(lib).succeeded();
    CompiledClasses.load(lib, library).close();
    List<File> classpath = new ArrayList<>(List.of(library.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    JavaFileObject user = source("app.Mine", "package app;", "import dev.wxpay.annotations.*;",
        "@Endpoint(\"v3/mine\")", "public interface Mine extends lib.Lookup {", "}");
    Compilation compilation = Compiler.javac().withProcessors(new WxpayProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror").withClasspath(classpath).compile(user);
    assertThat(compilation).hadErrorContaining("in get() inherited from lib.Lookup: @Path(\"id\") on '")
        .inFile(user).onLine(4);
    assertThat(compilation).hadErrorContaining("matches no placeholder of @Endpoint path; placeholders are []");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void componentsNamedLikeTheBuilderMethodsOfOthers() {
    JavaFileObject adds = source("test.Adds", "package test;",
        "public record Adds(java.util.List<String> tags,",
        "    String addTags) {}");
    assertThat(compile(endpoint("v3/x", "  Res post(Adds body);"), RESPONSE, adds))
        .hadErrorContaining("component 'addTags' is named like the builder method addTags() written for"
            + " component 'tags'; rename it and keep the JSON name with @Json(name = \"add_tags\")")
        .inFile(adds).onLine(3);
    JavaFileObject clears = source("test.Clears", "package test;",
        "public record Clears(@org.jspecify.annotations.Nullable Res payer,",
        "    String clearPayer) {}");
    assertThat(compile(endpoint("v3/x", "  Res post(Clears body);"), RESPONSE, clears))
        .hadErrorContaining("component 'clearPayer' is named like the builder method clearPayer() written"
            + " for component 'payer'")
        .inFile(clears).onLine(3);
    // A required record gets no clearer, so the same name is free.
    JavaFileObject required = source("test.Required", "package test;",
        "public record Required(Res payer, String clearPayer) {}");
    assertThat(compile(endpoint("v3/x", "  Res post(Required body);"), RESPONSE, required)).succeeded();
  }

  @Test
  void aRecordWithErrorsIsNamedWhereItIsUsed() {
    JavaFileObject bad = source("test.Bad", "package test;", "public record Bad(Object value) {}");
    JavaFileObject api = endpoint("v3/x", "  Res post(Bad body);");
    assertThat(compile(api, RESPONSE, bad))
        .hadErrorContaining("parameter 'body' uses record Bad, which has errors")
        .inFile(api).onLine(5);
  }

  /** Compiles {@code enumLines} as test.Installments, used by a body record, and checks the errors. */
  private static void assertEnumError(String message, int line, String... enumLines) {
    JavaFileObject installments = source("test.Installments", enumLines);
    JavaFileObject plan = source("test.Plan",
        "package test;",
        "public record Plan(Installments installments) {}");
    Compilation compilation = compile(endpoint("v3/plans", "  Res post(Plan body);"), plan, installments, RESPONSE);
    assertThat(compilation).hadErrorContaining(message).inFile(installments).onLine(line);
    assertThat(compilation).hadErrorContaining("component 'installments' uses enum Installments, which has errors")
        .inFile(plan).onLine(2);
    // The third names the record where the endpoint uses it; the enum's own error comes once.
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void jsonNumberOnSomeConstantsOnly() {
    assertEnumError("enum constant SIX has no @JsonNumber, but other constants of Installments have one; give"
            + " every constant its number, or none", 5,
        "package test;",
        "import dev.wxpay.annotations.JsonNumber;",
        "public enum Installments {",
        "  @JsonNumber(3) THREE,",
        "  SIX,",
        "  @JsonNumber(12) TWELVE",
        "}");
  }

  @Test
  void oneJsonNumberOnTwoConstants() {
    assertEnumError("@JsonNumber(3) on TRES is already on THREE; each constant needs its own number", 6,
        "package test;",
        "import dev.wxpay.annotations.JsonNumber;",
        "public enum Installments {",
        "  @JsonNumber(3) THREE,",
        "  @JsonNumber(6) SIX,",
        "  @JsonNumber(3)",
        "  TRES",
        "}");
  }

  @Test
  void jsonNumberWithJsonName() {
    assertEnumError("enum constant SIX has both @JsonNumber and @Json(name); its JSON is the number, so remove"
            + " @Json(name)", 6,
        "package test;",
        "import dev.wxpay.annotations.JsonNumber;",
        "public enum Installments {",
        "  @JsonNumber(3) THREE,",
        "  @JsonNumber(6)",
        "  @com.squareup.moshi.Json(name = \"six\")",
        "  SIX",
        "}");
  }

  @Test
  void anAdapterInTheShapeOfAnOlderProcessorIsNotReused() {
    JavaFileObject old = source("test.ReqJsonAdapter",
        "package test;",
        "public final class ReqJsonAdapter extends com.squareup.moshi.JsonAdapter<Req> {",
        "  @Override public Req fromJson(com.squareup.moshi.JsonReader reader) { return null; }",
        "  @Override public void toJson(com.squareup.moshi.JsonWriter writer, Req value) {}",
        "}");
    Compilation compilation = compile(endpoint("v3/x", "  Res post(Req body);"), REQUEST, RESPONSE, old);
    assertThat(compilation).hadErrorContaining("test.ReqJsonAdapter exists, but not in the shape this"
            + " wxpay-processor generates (a library built by an older version?); rebuild it with this version")
        .inFile(REQUEST).onLine(2);
  }

  @Test
  void allErrorsOfARoundAreReported() {
    Compilation compilation = compileEndpoint("v3/stocks/<stock_id>",
        "  Res create(@Path(\"stock_id\") String id);",
        "  Res get(Req body);",
        "  String put(@Path(\"stock_id\") String id);");
    assertThat(compilation).hadErrorCount(4);
  }
}
