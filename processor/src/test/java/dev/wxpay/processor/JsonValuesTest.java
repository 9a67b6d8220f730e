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
import dev.wxpay.runtime.JsonValue;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.WechatPayException;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components of type {@code JsonValue}, for fields the API leaves untyped: compiled as a user writes them,
 * then read from a signed answer and sent in a body through the generated client, byte for byte.
 */
class JsonValuesTest {
  /** Nested objects and arrays, numbers a double would change, strings with escapes, null inside. */
  private static final String CONTENT = "{\"title\":\"满减 \\\"quoted\\\" back\\\\slash\\nline\\u0001\","
      + "\"amounts\":[12345678901234567890,0.10,-1.5E-7,0,-0],"
      + "\"nested\":{\"empty\":{},\"list\":[[],[true,false,null]],\"emoji\":\"\uD83D\uDE00\"},"
      + "\"dup\":1,\"dup\":2}";
  private static final String ANSWER = "{\"activity_id\":\"A1\",\"message_content\":" + CONTENT
      + ",\"area_codes\":[\"110000\",440300,{\"k\":[0.5]}]}";

  private static WechatPaySandbox sandbox;
  private static URLClassLoader loader;
  private static WechatPay wxpay;
  private static JsonAdapter<Object> activities;
  private static Class<?> api;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compileAndStart(@TempDir Path classes) throws Exception {
    Compilation compilation = Compilations.compile(
        source("untyped.Activity",
            "package untyped;",
            "import dev.wxpay.runtime.JsonValue;",
            "import java.util.List;",
            "import org.jspecify.annotations.Nullable;",
            "public record Activity(String activityId, JsonValue messageContent, @Nullable JsonValue extra,",
            "    @Nullable List<JsonValue> areaCodes) {}"),
        source("untyped.Activities",
            "package untyped;",
            "import dev.wxpay.annotations.*;",
            "import java.util.function.Consumer;",
            "@Endpoint(\"v3/activities/{activity_id}\")",
            "public interface Activities {",
            "  Activity get(@Path(\"activity_id\") String activityId);",
            "  Activity post(@Path(\"activity_id\") String activityId, Activity body);",
            "  Activity put(@Path(\"activity_id\") String activityId, Consumer<ActivityBuilder> body);",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = CompiledClasses.load(compilation, classes);
    activities = (JsonAdapter<Object>) loader.loadClass("untyped.ActivityJsonAdapter").getField("INSTANCE")
        .get(null);
    api = loader.loadClass("untyped.Activities");
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
  void anAnswerDecodesAndEncodesAgainByteForByte() throws Exception {
    sandbox.stub("GET", "/v3/activities/A1", StubResponse.json(ANSWER));

    Object answer = api.getMethod("get", String.class).invoke(wxpay.create(api), "A1");

    assertEquals(activity("A1", JsonValue.parse(CONTENT), null,
        List.of(JsonValue.parse("\"110000\""), JsonValue.parse("440300"), JsonValue.parse("{\"k\":[0.5]}"))), answer);
    JsonValue content = (JsonValue) answer.getClass().getMethod("messageContent").invoke(answer);
    assertEquals(CONTENT, content.json());
    assertEquals(ANSWER, activities.toJson(answer));
  }

  @Test
  void aBodyCarriesTheValuesAsTheyAre() throws Exception {
    sandbox.stub("POST", "/v3/activities/A2", StubResponse.json("{\"activity_id\":\"A2\",\"message_content\":[]}"));
    Object body = activity("A2", JsonValue.parse(CONTENT), JsonValue.parse(" 12345678901234567890.000 "), null);

    Object answer = api.getMethod("post", String.class, body.getClass()).invoke(wxpay.create(api), "A2", body);

    RecordedRequest post = sandbox.lastRequest();
    assertTrue(post.signatureValid(), post.rejection());
    assertEquals("{\"activity_id\":\"A2\",\"message_content\":" + CONTENT
        + ",\"extra\":12345678901234567890.000}", post.bodyAsString());
    assertEquals(activity("A2", JsonValue.parse("[]"), null, null), answer);
  }

  @Test
  void theBuilderTakesJsonValues() throws Exception {
    sandbox.stub("PUT", "/v3/activities/A3", StubResponse.json("{\"activity_id\":\"A3\",\"message_content\":1}"));
    Class<?> builder = loader.loadClass("untyped.ActivityBuilder");
    Consumer<Object> spec = b -> {
      try {
        builder.getMethod("activityId", String.class).invoke(b, "A3");
        builder.getMethod("messageContent", JsonValue.class).invoke(b, JsonValue.parse("{\"a\":0.10}"));
        builder.getMethod("addAreaCodes", JsonValue.class).invoke(b, JsonValue.parse("\"110000\""));
        builder.getMethod("addAreaCodes", JsonValue.class).invoke(b, JsonValue.parse("[1,2]"));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    };

    api.getMethod("put", String.class, Consumer.class).invoke(wxpay.create(api), "A3", spec);

    assertEquals("{\"activity_id\":\"A3\",\"message_content\":{\"a\":0.10},\"area_codes\":[\"110000\",[1,2]]}",
        sandbox.lastRequest().bodyAsString());
  }

  @Test
  void jsonNullIsJavaNull() throws Exception {
    Object read = activities.fromJson("{\"activity_id\":\"A\",\"message_content\":{},\"extra\":null}");
    assertNull(read.getClass().getMethod("extra").invoke(read));

    JsonDataException thrown = assertThrows(JsonDataException.class,
        () -> activities.fromJson("{\"activity_id\":\"A\",\"message_content\":null}"));
    assertEquals("required field $.message_content is missing, null or has an unknown value", thrown.getMessage());
    assertEquals("unexpected null element at $.area_codes[1]", assertThrows(JsonDataException.class,
        () -> activities.fromJson("{\"activity_id\":\"A\",\"message_content\":1,\"area_codes\":[1,null]}"))
        .getMessage());
  }

  @Test
  void aMalformedAnswerFailsTheCall() {
    sandbox.stub("GET", "/v3/activities/A4",
        StubResponse.json("{\"activity_id\":\"A4\",\"message_content\":[1 2]}"));

    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> api.getMethod("get", String.class).invoke(wxpay.create(api), "A4"));

    WechatPayException failure = assertInstanceOf(WechatPayException.class, thrown.getCause());
    assertInstanceOf(java.io.IOException.class, failure.getCause());
  }

  private static Object activity(String id, JsonValue content, JsonValue extra, List<JsonValue> areaCodes)
      throws Exception {
    return loader.loadClass("untyped.Activity").getConstructors()[0].newInstance(id, content, extra, areaCodes);
  }
}
