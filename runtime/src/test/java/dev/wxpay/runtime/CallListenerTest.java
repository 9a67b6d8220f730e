package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.wxpay.annotations.Host;
import dev.wxpay.runtime.CallListener.Outcome;
import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import dev.wxpay.runtime.internal.crypto.SensitiveCipher;
import dev.wxpay.runtime.spi.Call;
import dev.wxpay.runtime.spi.Operation;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Calls through the pipeline on a fake transport (a scripted WeChat Pay) with a listener, checking what the
 * events say and that nothing secret is in any of them.
 */
class CallListenerTest {
  private static final String KEY_ID = "PUB_KEY_ID_0119000000012025";
  private static final String REQUEST_ID = "08F78BB5AF0610D3D7BD0B2C3A8B2E15";
  // Secrets a call handles; none may appear in an event.
  private static final String ID_CARD = "110101199003074477";
  private static final String DECRYPTED_NAME = "张三丰-decrypted";
  private static final String API_SECRET = "sk_live_do_not_show";
  private static final Operation<Person> POST =
      Operation.of("POST", "v3/people/<group>/add", PersonAdapter.INSTANCE).named("People.add");

  /** {@code {"name":..., "id_card":@Encrypted, "api_secret":...}}, written as a generated adapter would. */
  record Person(String name, @Nullable String idCard, @Nullable String apiSecret) {}

  static final class PersonAdapter extends JsonAdapter<Person> {
    static final PersonAdapter INSTANCE = new PersonAdapter();

    @Override
    public Person fromJson(JsonReader reader) throws IOException {
      String name = null;
      String idCard = null;
      String secret = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "name" -> name = SensitiveFields.decrypt(reader, reader.nextString());
          case "id_card" -> idCard = reader.nextString();
          case "api_secret" -> secret = reader.nextString();
          default -> reader.skipValue();
        }
      }
      reader.endObject();
      return new Person(name, idCard, secret);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Person value) throws IOException {
      writer.beginObject();
      writer.name("name").value(value.name());
      writer.name("id_card").value(SensitiveFields.encrypt(writer, value.idCard()));
      writer.name("api_secret").value(value.apiSecret());
      writer.name("amount").value(1800);
      writer.endObject();
    }
  }

  /** Answers from a script; remembers what it was sent (its signatures are secrets too). */
  static class FakeWechatPay implements HttpTransport {
    final Deque<Object> script = new ArrayDeque<>();
    final List<TransportRequest> received = new CopyOnWriteArrayList<>();
    final List<String> wechatpaySignatures = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<TransportResponse>> pending = new CopyOnWriteArrayList<>();
    // The answers' bodies: their ciphertexts are secrets too.
    final List<String> answered = new CopyOnWriteArrayList<>();

    FakeWechatPay answer(int status, String json) {
      script.add(signed(status, json, false));
      return this;
    }

    /** A signed answer whose header view throws when asked for {@code Request-ID}. */
    FakeWechatPay answerWithThrowingRequestIdHeader(int status, String json) {
      TransportResponse good = signed(status, json, false);
      script.add(TransportResponse.of(status, name -> {
        if (name.equalsIgnoreCase("Request-ID")) {
          throw new IllegalStateException("header view broken");
        }
        return good.header(name);
      }, json.getBytes(StandardCharsets.UTF_8)));
      return this;
    }

    FakeWechatPay answerTampered(int status, String json) {
      script.add(signed(status, json, true));
      return this;
    }

    FakeWechatPay fail(IOException e) {
      script.add(e);
      return this;
    }

    /** For an asynchronous call: an exchange that never completes unless cancelled. */
    FakeWechatPay hang() {
      script.add("hang");
      return this;
    }

    TransportResponse signed(int status, String json, boolean tampered) {
      answered.add(json);
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String timestamp = Long.toString(System.currentTimeMillis() / 1000);
      String nonce = "NONCE" + Long.toHexString(new SecureRandom().nextLong());
      String signature = TestKeys.sign(TestKeys.WECHATPAY.getPrivate(),
          (timestamp + "\n" + nonce + "\n" + json + (tampered ? " " : "") + "\n").getBytes(StandardCharsets.UTF_8));
      wechatpaySignatures.add(signature);
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.put("Request-ID", REQUEST_ID);
      headers.put("Wechatpay-Timestamp", timestamp);
      headers.put("Wechatpay-Nonce", nonce);
      headers.put("Wechatpay-Serial", KEY_ID);
      headers.put("Wechatpay-Signature", signature);
      return TransportResponse.of(status, headers::get, body);
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException {
      received.add(request);
      Object next = script.remove();
      if (next instanceof IOException e) {
        throw e;
      }
      return (TransportResponse) next;
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      if ("hang".equals(script.peek())) {
        script.remove();
        received.add(request);
        CompletableFuture<TransportResponse> future = new CompletableFuture<>();
        pending.add(future);
        return future;
      }
      try {
        return CompletableFuture.completedFuture(send(request));
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }

  /** Keeps every event, with the thread it came on. */
  static final class Recorder implements CallListener {
    final List<Object> events = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public CallListener callStarted(Started event) {
      events.add(event);
      return this;
    }

    @Override
    public void attemptEnded(Attempt event) {
      events.add(event);
    }

    @Override
    public void callEnded(Ended event) {
      events.add(event);
      ended.countDown();
    }

    /** The end of a call that may end on another thread. */
    Ended awaitEnd() throws InterruptedException {
      assertTrue(ended.await(5, TimeUnit.SECONDS), events.toString());
      return end();
    }

    /** The events' kinds, e.g. {@code [Started, Attempt, Ended]}. */
    List<String> kinds() {
      List<String> out = new ArrayList<>();
      for (Object e : events) {
        out.add(e.getClass().getSimpleName());
      }
      return out;
    }

    Ended end() {
      Object last = events.get(events.size() - 1);
      return assertInstanceOf(Ended.class, last, events.toString());
    }

    List<Attempt> attempts() {
      List<Attempt> out = new ArrayList<>();
      for (Object e : events) {
        if (e instanceof Attempt a) {
          out.add(a);
        }
      }
      return out;
    }
  }

  private static Pipeline pipeline(HttpTransport transport, @Nullable CallListener listener, boolean bodies,
      int retries) {
    return pipeline(transport, listener, bodies, retries, true, Duration.ofSeconds(5));
  }

  private static Pipeline pipeline(HttpTransport transport, @Nullable CallListener listener, boolean bodies,
      int retries, boolean wechatpayKey, Duration timeout) {
    Clock clock = Clock.systemUTC();
    VerificationKeys keys = new VerificationKeys(
        wechatpayKey ? new VerificationKeys.Key(KEY_ID, TestKeys.WECHATPAY.getPublic()) : null, List.of(), clock);
    return new Pipeline(transport,
        new RequestSigner("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate(), new SecureRandom(), null),
        new ResponseVerifier(keys, clock, null), keys, TestKeys.MERCHANT.getPrivate(), clock,
        timeout,
        WechatPay.Builder.normalize("baseUri", URI.create("https://api.mch.weixin.qq.com/")),
        WechatPay.Builder.normalize("hongKongBaseUri", URI.create("https://apihk.mch.weixin.qq.com/")),
        WechatPay.Builder.normalize("backupBaseUri", URI.create("https://api2.wechatpay.cn/")),
        retries, listener, bodies, WechatPay.DEFAULT_MAX_ANSWER_BYTES);
  }

  private static Call<Person> addPerson() {
    return POST.call().path("group", "g1").body(new Person("Zhang", ID_CARD, API_SECRET), PersonAdapter.INSTANCE)
        .build();
  }

  /** The answer's name is encrypted for the merchant, as WeChat Pay encrypts sensitive answer fields. */
  private static String answer() {
    return "{\"name\":\"" + SensitiveCipher.encrypt(TestKeys.MERCHANT.getPublic(), DECRYPTED_NAME)
        + "\",\"api_secret\":\"" + API_SECRET + "\",\"amount\":1.50}";
  }

  @Test
  void aCallReportsStartAttemptAndEndWithRedactedBodiesAndNoSecret() {
    FakeWechatPay wechatpay = new FakeWechatPay().answer(200, answer());
    Recorder recorder = new Recorder();
    Person person = pipeline(wechatpay, recorder, true, 0).execute(addPerson());
    assertEquals(DECRYPTED_NAME, person.name());

    assertEquals(3, recorder.events.size(), recorder.events.toString());
    CallListener.Started started = assertInstanceOf(CallListener.Started.class, recorder.events.get(0));
    assertEquals("People.add", started.operation());
    assertEquals("POST", started.method());
    assertEquals("/v3/people/{group}/add", started.route());
    assertEquals(Host.MAINLAND, started.host());
    assertFalse(started.isAsync());

    CallListener.Attempt attempt = recorder.attempts().get(0);
    assertEquals(1, attempt.number());
    assertEquals("api.mch.weixin.qq.com", attempt.target());
    assertEquals(200, attempt.statusCode());
    assertEquals(REQUEST_ID, attempt.requestId());
    assertNull(attempt.failure());

    CallListener.Ended end = recorder.end();
    assertEquals(Outcome.SUCCESS, end.outcome());
    assertEquals(200, end.statusCode());
    assertNull(end.errorCode());
    assertEquals(REQUEST_ID, end.requestId());
    assertEquals(1, end.attempts());
    assertNull(end.failure());
    assertTrue(end.duration().compareTo(attempt.duration()) >= 0, end + " / " + attempt);
    assertEquals("{\"name\":\"Zhang\",\"id_card\":\"<redacted>\",\"api_secret\":\"<redacted>\",\"amount\":1800}",
        end.requestBody());
    assertEquals("{\"name\":\"<redacted>\",\"api_secret\":\"<redacted>\",\"amount\":1.50}", end.responseBody());
    assertTrue(end.toString().startsWith(
        "wxpay call People.add (POST /v3/people/{group}/add) -> SUCCESS 200, Request-ID " + REQUEST_ID
            + ", 1 attempt, "), end.toString());

    assertNoSecret(wechatpay, recorder.events);
  }

  @Test
  void withoutOptingInEventsHaveNoBodies() {
    FakeWechatPay wechatpay = new FakeWechatPay().answer(200, answer());
    Recorder recorder = new Recorder();
    pipeline(wechatpay, recorder, false, 0).execute(addPerson());
    assertNull(recorder.end().requestBody());
    assertNull(recorder.end().responseBody());
    assertNoSecret(wechatpay, recorder.events);
  }

  @Test
  void aRetryToTheBackupHostIsASecondAttempt() {
    FakeWechatPay wechatpay = new FakeWechatPay()
        .fail(new ConnectException("refused"))
        .answer(200, answer());
    Recorder recorder = new Recorder();
    pipeline(wechatpay, recorder, false, 1).execute(addPerson());

    List<CallListener.Attempt> attempts = recorder.attempts();
    assertEquals(2, attempts.size());
    assertEquals("api.mch.weixin.qq.com", attempts.get(0).target());
    assertInstanceOf(ConnectException.class, attempts.get(0).failure());
    assertEquals(0, attempts.get(0).statusCode());
    assertEquals(2, attempts.get(1).number());
    assertEquals("api2.wechatpay.cn", attempts.get(1).target());
    assertEquals(200, attempts.get(1).statusCode());
    assertEquals(2, recorder.end().attempts());
    assertEquals(Outcome.SUCCESS, recorder.end().outcome());
  }

  @Test
  void aServiceErrorReportsStatusCodeAndRequestId() {
    FakeWechatPay wechatpay = new FakeWechatPay()
        .answer(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"bad\",\"detail\":{\"sign\":\"" + API_SECRET + "\"}}");
    Recorder recorder = new Recorder();
    ServiceException e = assertThrows(ServiceException.class,
        () -> pipeline(wechatpay, recorder, true, 0).execute(addPerson()));
    CallListener.Ended end = recorder.end();
    assertEquals(Outcome.SERVICE_ERROR, end.outcome());
    assertEquals(400, end.statusCode());
    assertEquals("PARAM_ERROR", end.errorCode());
    assertEquals(REQUEST_ID, end.requestId());
    assertSame(e, end.failure());
    assertEquals("{\"code\":\"PARAM_ERROR\",\"message\":\"bad\",\"detail\":{\"sign\":\"<redacted>\"}}",
        end.responseBody());
    assertTrue(end.toString().contains("-> SERVICE_ERROR 400 PARAM_ERROR, Request-ID"), end.toString());
  }

  @Test
  void aTamperedAnswerIsAVerificationFailure() {
    FakeWechatPay wechatpay = new FakeWechatPay().answerTampered(200, answer());
    Recorder recorder = new Recorder();
    assertThrows(ValidationException.class, () -> pipeline(wechatpay, recorder, true, 0).execute(addPerson()));
    assertEquals(Outcome.VERIFICATION_FAILED, recorder.end().outcome());
    assertEquals(200, recorder.end().statusCode());
    // Nothing of it was decrypted, so nothing tells its ciphertext apart: only its length is shown.
    assertEquals("<" + wechatpay.answered.get(0).getBytes(StandardCharsets.UTF_8).length + " bytes, not verified>",
        recorder.end().responseBody());
    assertNoSecret(wechatpay, recorder.events);
  }

  @Test
  void anAnswerThatStopsDecodingEarlyShowsNoCiphertext() {
    // id_card is not a string: decoding stops before the encrypted name is decrypted.
    String json = "{\"id_card\":{},\"name\":\""
        + SensitiveCipher.encrypt(TestKeys.MERCHANT.getPublic(), DECRYPTED_NAME) + "\"}";
    FakeWechatPay wechatpay = new FakeWechatPay().answer(200, json);
    Recorder recorder = new Recorder();
    WechatPayException e = assertThrows(WechatPayException.class,
        () -> pipeline(wechatpay, recorder, true, 0).execute(addPerson()));
    assertEquals(Outcome.DECODING_FAILED, recorder.end().outcome(), e.toString());
    assertEquals("<" + json.getBytes(StandardCharsets.UTF_8).length + " bytes, not decoded>",
        recorder.end().responseBody());
    assertNoSecret(wechatpay, recorder.events);
  }

  @Test
  void aRequestThatCannotBePreparedIsOtherNotADecodingFailure() {
    Recorder recorder = new Recorder();
    // No WeChat Pay public key: the @Encrypted id_card cannot be encrypted; nothing is sent.
    WechatPayException e = assertThrows(WechatPayException.class,
        () -> pipeline(new FakeWechatPay(), recorder, false, 0, false, Duration.ofSeconds(5)).execute(addPerson()));
    assertTrue(e.getMessage().startsWith("no WeChat Pay public key"), e.getMessage());
    assertEquals(Outcome.OTHER, recorder.end().outcome());
    assertEquals(0, recorder.end().attempts());
  }

  @Test
  void theCallersOwnTimeoutIsATransportError() throws Exception {
    FakeWechatPay wechatpay = new FakeWechatPay().hang();
    Recorder recorder = new Recorder();
    CompletableFuture<Person> future = pipeline(wechatpay, recorder, false, 0).executeAsync(addPerson())
        .orTimeout(10, TimeUnit.MILLISECONDS);
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertInstanceOf(java.util.concurrent.TimeoutException.class, e.getCause());
    assertEquals(Outcome.TRANSPORT_ERROR, recorder.awaitEnd().outcome());
  }

  @Test
  void anIoFailureIsATransportError() {
    FakeWechatPay wechatpay = new FakeWechatPay().fail(new IOException("reset"));
    Recorder recorder = new Recorder();
    assertThrows(TransportException.class, () -> pipeline(wechatpay, recorder, false, 3).execute(addPerson()));
    assertEquals(Outcome.TRANSPORT_ERROR, recorder.end().outcome());
    assertEquals(0, recorder.end().statusCode());
    assertNull(recorder.end().requestId());
    // Not provably unsent, so not retried.
    assertEquals(1, recorder.end().attempts());
  }

  @Test
  void anArgumentRefusedBeforeSendingEndsTheCallToo() {
    Recorder recorder = new Recorder();
    Call<Person> call = POST.call().path("group", "g").header("X-Evil", "a\r\nb")
        .body(new Person("Zhang", null, null), PersonAdapter.INSTANCE).build();
    assertThrows(IllegalArgumentException.class,
        () -> pipeline(new FakeWechatPay(), recorder, false, 0).execute(call));
    assertEquals(Outcome.OTHER, recorder.end().outcome());
    assertEquals(0, recorder.end().attempts());
  }

  @Test
  void anAsyncCallReportsItsEndWhenItsFutureCompletes() throws Exception {
    FakeWechatPay wechatpay = new FakeWechatPay().answer(200, answer());
    Recorder recorder = new Recorder();
    Person person = pipeline(wechatpay, recorder, true, 0).executeAsync(addPerson()).get(5, TimeUnit.SECONDS);
    assertEquals(DECRYPTED_NAME, person.name());
    assertEquals(3, recorder.events.size(), recorder.events.toString());
    assertTrue(recorder.end().isAsync());
    assertEquals(Outcome.SUCCESS, recorder.end().outcome());
    assertEquals(REQUEST_ID, recorder.end().requestId());
    assertNoSecret(wechatpay, recorder.events);
  }

  @Test
  void aCancelledAsyncCallEndsOnceAsCancelledAndReportsNothingAfter() {
    FakeWechatPay wechatpay = new FakeWechatPay().hang();
    Recorder recorder = new Recorder();
    CompletableFuture<Person> future = pipeline(wechatpay, recorder, false, 0).executeAsync(addPerson());
    assertEquals(List.of("Started"), recorder.kinds());
    assertTrue(future.cancel(true));
    assertThrows(CancellationException.class, future::join);
    // The exchange was cancelled too: its attempt ends with the cancellation, then the call, once.
    assertTrue(wechatpay.pending.get(0).isCancelled());
    assertEquals(List.of("Started", "Attempt", "Ended"), recorder.kinds());
    assertInstanceOf(CancellationException.class, recorder.attempts().get(0).failure());
    assertEquals(Outcome.CANCELLED, recorder.end().outcome());
    assertEquals(1, recorder.end().attempts());
  }

  @Test
  void anAsyncCallThatTimesOutReportsItsAttemptThenItsEnd() throws Exception {
    FakeWechatPay wechatpay = new FakeWechatPay().hang();
    Recorder recorder = new Recorder();
    CompletableFuture<Person> future = pipeline(wechatpay, recorder, false, 0, true, Duration.ofMillis(50))
        .executeAsync(addPerson());
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertInstanceOf(TransportException.class, e.getCause());
    assertEquals(List.of("Started", "Attempt", "Ended"), recorder.kinds());
    assertInstanceOf(java.util.concurrent.TimeoutException.class, recorder.attempts().get(0).failure());
    assertTrue(wechatpay.pending.get(0).isCancelled());
    assertEquals(Outcome.TRANSPORT_ERROR, recorder.end().outcome());
  }

  @Test
  void anAsyncCallEndsBeforeItsFutureCompletes() throws Exception {
    // Each exchange is completed by the test, after the caller's own stage is registered: that stage is the
    // last registered, so CompletableFuture runs it first of all.
    for (Object answer : List.of("200", "400", new IOException("reset"))) {
      FakeWechatPay wechatpay = new FakeWechatPay().hang();
      Recorder recorder = new Recorder();
      CompletableFuture<Person> future = pipeline(wechatpay, recorder, false, 0).executeAsync(addPerson());
      List<String> seenByCaller = new CopyOnWriteArrayList<>();
      future.whenComplete((value, error) -> seenByCaller.addAll(recorder.kinds()));
      CompletableFuture<TransportResponse> exchange = wechatpay.pending.get(0);
      if (answer instanceof IOException e) {
        exchange.completeExceptionally(e);
      } else if (answer.equals("200")) {
        exchange.complete(wechatpay.signed(200, answer(), false));
      } else {
        exchange.complete(wechatpay.signed(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"bad\"}", false));
      }
      assertTrue(future.isDone());
      assertEquals(List.of("Started", "Attempt", "Ended"), seenByCaller, "answer " + answer);
    }
  }

  @Test
  void aTransportWhoseSendAsyncThrowsStillEndsTheCall() throws Exception {
    IllegalStateException broken = new IllegalStateException("transport bug");
    class Throwing extends FakeWechatPay {
      @Override
      public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
        if (script.isEmpty()) {
          throw broken;
        }
        return super.sendAsync(request);
      }
    }
    // Thrown by the first attempt, and by a retry after a refused connection.
    for (int refused = 0; refused <= 1; refused++) {
      FakeWechatPay wechatpay = new Throwing();
      if (refused == 1) {
        wechatpay.fail(new ConnectException("refused"));
      }
      Recorder recorder = new Recorder();
      CompletableFuture<Person> future = pipeline(wechatpay, recorder, false, refused).executeAsync(addPerson());
      ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
      assertSame(broken, e.getCause().getCause(), e.getCause().toString());
      CallListener.Ended end = recorder.awaitEnd();
      assertEquals(refused + 1, end.attempts());
      assertSame(broken, recorder.attempts().get(refused).failure());
      assertEquals(refused == 0 ? List.of("Started", "Attempt", "Ended")
          : List.of("Started", "Attempt", "Attempt", "Ended"), recorder.kinds());
    }
  }

  @Test
  void anAnswerWhoseHeaderViewThrowsIsReportedOnceAndStillAnswers() throws Exception {
    for (boolean async : List.of(false, true)) {
      FakeWechatPay wechatpay = new FakeWechatPay().answerWithThrowingRequestIdHeader(200, answer());
      Recorder recorder = new Recorder();
      Pipeline pipeline = pipeline(wechatpay, recorder, false, 0);
      Person person = async ? pipeline.executeAsync(addPerson()).get(10, TimeUnit.SECONDS)
          : pipeline.execute(addPerson());
      assertEquals(DECRYPTED_NAME, person.name());
      assertEquals(List.of("Started", "Attempt", "Ended"), recorder.kinds());
      assertNull(recorder.attempts().get(0).failure());
      assertEquals(200, recorder.attempts().get(0).statusCode());
      assertNull(recorder.attempts().get(0).requestId());
      assertEquals(Outcome.SUCCESS, recorder.end().outcome());
    }
  }

  @Test
  void aLoggingBackendThatThrowsNeverBreaksACall() throws Exception {
    Logger logger = Logger.getLogger("dev.wxpay.runtime.calls");
    Handler throwing = new Handler() {
      @Override
      public void publish(LogRecord record) {
        throw new IllegalStateException("logging backend down");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level before = logger.getLevel();
    boolean parent = logger.getUseParentHandlers();
    logger.setLevel(Level.FINE);
    logger.addHandler(throwing);
    logger.setUseParentHandlers(false);
    try {
      FakeWechatPay wechatpay = new FakeWechatPay().answer(200, answer()).answer(200, answer());
      Recorder sync = new Recorder();
      assertEquals(DECRYPTED_NAME, pipeline(wechatpay, sync, false, 0).execute(addPerson()).name());
      assertEquals(List.of("Started", "Attempt", "Ended"), sync.kinds());
      Recorder async = new Recorder();
      assertEquals(DECRYPTED_NAME,
          pipeline(wechatpay, async, false, 0).executeAsync(addPerson()).get(10, TimeUnit.SECONDS).name());
      assertEquals(List.of("Started", "Attempt", "Ended"), async.kinds());
    } finally {
      logger.removeHandler(throwing);
      logger.setLevel(before);
      logger.setUseParentHandlers(parent);
    }
  }

  @Test
  void aThrowingListenerNeverBreaksACallAndIsWarnedAboutOnce() throws Exception {
    class Throwing implements CallListener {
      int ends;

      @Override
      public CallListener callStarted(Started event) {
        throw new IllegalStateException("start");
      }

      @Override
      public void callEnded(Ended event) {
        ends++;
        throw new IllegalStateException("end");
      }
    }
    class EndThrows implements CallListener {
      int ends;

      @Override
      public void callEnded(Ended event) {
        ends++;
        throw new IllegalStateException("end");
      }
    }
    List<LogRecord> records = capture(Level.INFO, () -> {
      Throwing throwing = new Throwing();
      FakeWechatPay wechatpay = new FakeWechatPay().answer(200, answer()).answer(200, answer());
      Pipeline pipeline = pipeline(wechatpay, throwing, false, 0);
      assertEquals(DECRYPTED_NAME, pipeline.execute(addPerson()).name());
      assertEquals(DECRYPTED_NAME, pipeline.execute(addPerson()).name());
      // callStarted threw, so that call's listener is gone.
      assertEquals(0, throwing.ends);

      EndThrows endThrows = new EndThrows();
      FakeWechatPay other = new FakeWechatPay().answer(200, answer()).answer(400, "{\"code\":\"X\"}")
          .answer(200, answer());
      Pipeline second = pipeline(other, endThrows, false, 0);
      second.execute(addPerson());
      assertThrows(ServiceException.class, () -> second.execute(addPerson()));
      second.executeAsync(addPerson()).get(5, TimeUnit.SECONDS);
      assertEquals(3, endThrows.ends);
    });
    assertEquals(2, records.size(), records.toString());
    for (LogRecord record : records) {
      assertEquals(Level.WARNING, record.getLevel());
    }
    assertTrue(records.get(0).getMessage().contains(Throwing.class.getName()), records.get(0).getMessage());
    assertTrue(records.get(1).getMessage().contains(EndThrows.class.getName()), records.get(1).getMessage());
  }

  @Test
  void aTracerKeepsPerCallStateInTheListenerItReturns() throws Exception {
    List<String> spans = new CopyOnWriteArrayList<>();
    CallListener tracer = new CallListener() {
      @Override
      public CallListener callStarted(Started started) {
        String span = "span of " + started.operation();
        return end -> spans.add(span + ": " + end.outcome());
      }

      @Override
      public void callEnded(Ended event) {
        spans.add("not this one");
      }
    };
    FakeWechatPay wechatpay = new FakeWechatPay().answer(200, answer()).answer(500, "");
    Pipeline pipeline = pipeline(wechatpay, tracer, false, 0);
    pipeline.execute(addPerson());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> pipeline.executeAsync(addPerson()).get(5, TimeUnit.SECONDS));
    assertInstanceOf(ServiceException.class, e.getCause());
    assertEquals(List.of("span of People.add: SUCCESS", "span of People.add: SERVICE_ERROR"), spans);
  }

  @Test
  void debugLoggingWritesOneSafeLinePerAttemptAndCallAndNothingAtInfo() throws Exception {
    FakeWechatPay wechatpay = new FakeWechatPay().fail(new ConnectException("refused")).answer(200, answer())
        .answer(200, answer());
    Pipeline pipeline = pipeline(wechatpay, null, false, 1);
    List<LogRecord> debug = capture(Level.FINE, () -> pipeline.execute(addPerson()));
    assertEquals(3, debug.size(), debug.toString());
    List<String> lines = new ArrayList<>();
    for (LogRecord record : debug) {
      assertEquals(Level.FINE, record.getLevel());
      lines.add(record.getMessage());
    }
    assertTrue(lines.get(0).startsWith("wxpay attempt 1: People.add (POST /v3/people/{group}/add) to"
        + " api.mch.weixin.qq.com -> ConnectException, "), lines.get(0));
    assertTrue(lines.get(1).startsWith("wxpay attempt 2: People.add (POST /v3/people/{group}/add) to"
        + " api2.wechatpay.cn -> 200, Request-ID " + REQUEST_ID + ", "), lines.get(1));
    assertTrue(lines.get(2).startsWith("wxpay call People.add (POST /v3/people/{group}/add) -> SUCCESS 200,"
        + " Request-ID " + REQUEST_ID + ", 2 attempts, "), lines.get(2));
    assertNoSecret(wechatpay, lines);

    assertEquals(List.of(), capture(Level.INFO, () -> pipeline.execute(addPerson())));
  }

  @Test
  void nothingIsTracedWithoutAListenerOrDebugLogging() {
    // The zero-cost path: no trace object, so no events are made.
    assertNull(CallTrace.start(null, true, POST, false));
    assertNotNull(CallTrace.start(end -> {}, false, POST, false));
  }

  @Test
  void redactionKeepsNumbersAsWrittenAndHidesSecretSubtrees() {
    assertEquals("{\"a\":1.50,\"b\":[1e3,true,null],\"private_key\":{\"x\":\"<redacted>\",\"y\":[\"<redacted>\"]},"
            + "\"paySign\":\"<redacted>\",\"c\":\"<redacted>\"}",
        Redaction.json(("{\"a\":1.50,\"b\":[1e3,true,null],\"private_key\":{\"x\":\"1\",\"y\":[2]},"
            + "\"paySign\":\"s\",\"c\":\"CIPHER\"}").getBytes(StandardCharsets.UTF_8), java.util.Set.of("CIPHER")));
    assertEquals("{\"auth_code\":\"<redacted>\",\"authCode\":\"<redacted>\",\"authcode\":\"<redacted>\"}",
        Redaction.json("{\"auth_code\":\"134567890123456789\",\"authCode\":\"1\",\"authcode\":\"2\"}"
            .getBytes(StandardCharsets.UTF_8), java.util.Set.of()));
    assertEquals("<9 bytes, not JSON>", Redaction.json("<html>x</".getBytes(StandardCharsets.UTF_8), java.util.Set.of()));
    assertEquals("<5 bytes, not JSON>", Redaction.json("{} {}".getBytes(StandardCharsets.UTF_8), java.util.Set.of()));
    assertNull(Redaction.json(new byte[0], java.util.Set.of()));
  }

  /** Runs {@code action} with the call logger at {@code level}, returning what it logged. */
  private static List<LogRecord> capture(Level level, ThrowingRunnable action) throws Exception {
    Logger logger = Logger.getLogger("dev.wxpay.runtime.calls");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level before = logger.getLevel();
    boolean parent = logger.getUseParentHandlers();
    logger.setLevel(level);
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
      logger.setUseParentHandlers(parent);
    }
    return records;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * No secret the calls handled is in any event's {@code toString()} or in what its public accessors return
   * (a failure with its message and causes): the merchant key, the request and answer signatures and nonces,
   * the plaintext and ciphertext of encrypted fields, a secret-named field's value.
   */
  private static void assertNoSecret(FakeWechatPay wechatpay, List<?> events) {
    List<String> secrets = new ArrayList<>(List.of(ID_CARD, DECRYPTED_NAME, API_SECRET,
        Base64.getEncoder().encodeToString(TestKeys.MERCHANT.getPrivate().getEncoded()).substring(40, 80)));
    secrets.addAll(wechatpay.wechatpaySignatures);
    for (TransportRequest request : wechatpay.received) {
      String authorization = request.header("Authorization");
      secrets.add(authorization.replaceAll(".*signature=\"([^\"]+)\".*", "$1"));
      secrets.add(authorization.replaceAll(".*nonce_str=\"([^\"]+)\".*", "$1"));
      String body = new String(request.body(), StandardCharsets.UTF_8);
      secrets.add(body.replaceAll(".*\"id_card\":\"([^\"]+)\".*", "$1"));
    }
    for (String answer : wechatpay.answered) {
      // The encrypted name of an answer.
      if (answer.contains("\"name\":\"")) {
        secrets.add(answer.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1"));
      }
    }
    for (Object event : events) {
      List<String> texts = new ArrayList<>();
      texts.add(event.toString());
      if (event instanceof CallListener.Event) {
        for (Method method : event.getClass().getMethods()) {
          if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
              && method.getDeclaringClass() != Object.class) {
            try {
              Object value = method.invoke(event);
              for (Object v = value; v != null; v = v instanceof Throwable t ? t.getCause() : null) {
                texts.add(String.valueOf(v));
                if (v instanceof Throwable t) {
                  texts.add(String.valueOf(t.getMessage()));
                }
              }
            } catch (ReflectiveOperationException e) {
              throw new AssertionError(e);
            }
          }
        }
      }
      for (String text : texts) {
        for (String secret : secrets) {
          assertFalse(text.contains(secret), () -> "secret " + secret + " in " + text);
        }
      }
    }
  }
}
