package dev.wxpay.runtime;

import com.squareup.moshi.JsonAdapter;
import dev.wxpay.annotations.Host;
import dev.wxpay.annotations.rules.HeaderRules;
import dev.wxpay.runtime.spi.Call;
import dev.wxpay.runtime.spi.Caller;
import dev.wxpay.runtime.spi.ContentHash;
import dev.wxpay.runtime.spi.Operation;
import dev.wxpay.runtime.spi.SensitiveFields;
import dev.wxpay.runtime.spi.UploadFile;
import dev.wxpay.runtime.http.AnswerTooLargeException;
import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The request pipeline behind every generated client: builds the URL, signs, sends, verifies and
 * decodes. One per {@link WechatPay}; immutable and thread-safe.
 */
final class Pipeline implements Caller {
  static final String USER_AGENT = "wxpay/" + version() + " (Java/" + System.getProperty("java.version")
      + "; " + System.getProperty("os.name") + ")";
  private static final byte[] EMPTY = new byte[0];
  private static final String JSON = "application/json";
  private static final String REQUEST_ID = "Request-ID";

  private final Sender sender;
  private final RequestSigner signer;
  private final AnswerCheck answerCheck;
  private final VerificationKeys keys;
  private final PrivateKey merchantKey;
  private final Clock clock;
  private final Duration requestTimeout;
  // One base per host, indexed by Host.ordinal(): choosing an operation's base is one array read.
  private final Base[] bases;
  // Null when none is registered: then calls are traced only while debug logging is on.
  private final @Nullable CallListener listener;
  private final boolean eventBodies;
  private final long maxAnswerBytes;

  Pipeline(
      HttpTransport transport,
      RequestSigner signer,
      ResponseVerifier verifier,
      VerificationKeys keys,
      PrivateKey merchantKey,
      Clock clock,
      Duration requestTimeout,
      URI baseUri,
      URI hongKongBaseUri,
      @Nullable URI backupBaseUri,
      int retries,
      @Nullable CallListener listener,
      boolean eventBodies,
      long maxAnswerBytes) {
    this.listener = listener;
    this.eventBodies = eventBodies;
    this.maxAnswerBytes = maxAnswerBytes;
    this.sender = new Sender(transport, baseUri, backupBaseUri, retries);
    this.signer = signer;
    this.answerCheck = verifier::verify;
    this.keys = keys;
    this.merchantKey = merchantKey;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
    this.bases = new Base[Host.values().length];
    for (Host host : Host.values()) {
      URI uri = switch (host) {
        case MAINLAND -> baseUri;
        case HONG_KONG -> hongKongBaseUri;
      };
      bases[host.ordinal()] = new Base(uri.toString(), uri.getRawPath());
    }
  }

  /**
   * A host's base URI, ending in '/', and its raw path: what the signature covers before the endpoint
   * path. The host itself is not signed.
   */
  private record Base(String uri, String path) {}

  /** How a 2xx answer is authenticated before it is decoded. */
  @FunctionalInterface
  interface AnswerCheck {
    /** Throws a {@link ValidationException} (or another {@link WechatPayException}) if it fails. */
    void check(Function<String, @Nullable String> headers, byte[] body);
  }

  private Pipeline(Pipeline other, AnswerCheck answerCheck) {
    this.sender = other.sender;
    this.signer = other.signer;
    this.answerCheck = answerCheck;
    this.keys = other.keys;
    this.merchantKey = other.merchantKey;
    this.clock = other.clock;
    this.requestTimeout = other.requestTimeout;
    this.bases = other.bases;
    this.listener = other.listener;
    this.eventBodies = other.eventBodies;
    this.maxAnswerBytes = other.maxAnswerBytes;
  }

  /**
   * The same pipeline (signing, sending, retries, error answers) with another check of 2xx answers: for
   * the platform-certificate download, whose answer is verified with the certificates it brings.
   */
  Pipeline checkingAnswersWith(AnswerCheck answerCheck) {
    return new Pipeline(this, answerCheck);
  }

  @Override
  public <R extends @Nullable Object> R execute(Call<R> call) {
    CallTrace trace = CallTrace.start(listener, eventBodies, call.operation(), false);
    if (trace == null) {
      return run(call, null);
    }
    R result;
    try {
      result = run(call, trace);
    } catch (Throwable e) {
      trace.ended(e);
      throw e;
    }
    trace.ended(null);
    return result;
  }

  private <R extends @Nullable Object> R run(Call<R> call, @Nullable CallTrace trace) {
    Prepared prepared = prepare(call, trace);
    if (call.operation().isDownload()) {
      // The deadline covers the request until the headers; the body then streams as fast as it is read.
      return downloaded(call, prepared, send(prepared));
    }
    return handle(call, prepared, send(prepared));
  }

  /** The Download of a 2xx answer, which is not signed; error answers are read as usual. */
  @SuppressWarnings("unchecked") // Call.download() makes R Download.
  private <R extends @Nullable Object> R downloaded(Call<R> call, Prepared prepared, TransportResponse response) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      byte[] body;
      try (InputStream in = response.bodyStream()) {
        body = in.readNBytes(64 * 1024);
      } catch (IOException e) {
        body = EMPTY;
      }
      if (prepared.trace != null) {
        prepared.trace.responseBody(body);
      }
      throw ServiceErrors.parse(status, body, response.header(REQUEST_ID));
    }
    ContentHash hash = call.expectedHash();
    // Checked again: the spi type may come from code that did not go through DownloadHash's rules.
    DownloadHash expected = hash == null || hash instanceof DownloadHash ? (DownloadHash) hash
        : new DownloadHash(hash.type(), hash.value());
    return (R) new Download(response.bodyStream(), expected, prepared.description());
  }

  /**
   * Sends a prepared request on the calling thread and waits for the answer, without looking at it. The
   * transport keeps the deadline, for a read answer until its last byte; only mainland requests fail over
   * to the backup host.
   */
  private TransportResponse send(Prepared prepared) {
    try {
      return sender.send(prepared.request, prepared.host == Host.MAINLAND, prepared.trace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted during " + prepared.description(), e);
    } catch (IOException e) {
      throw transportFailure(prepared, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Invalid arguments (e.g. a header with CR or LF) throw at once; everything after the request is
   * built completes the future exceptionally with a {@link WechatPayException}, never wrapped in a
   * {@link CompletionException}.
   */
  @Override
  public <R extends @Nullable Object> CompletableFuture<R> executeAsync(Call<R> call) {
    CallTrace trace = CallTrace.start(listener, eventBodies, call.operation(), true);
    Prepared prepared;
    try {
      prepared = prepare(call, trace);
    } catch (Throwable e) {
      if (trace != null) {
        trace.ended(e);
      }
      throw e;
    }
    boolean download = call.operation().isDownload();
    CompletableFuture<R> result = new CompletableFuture<>();
    // Handled by a stage registered before the sender's: the attempt in flight is reported before the end.
    CompletableFuture<TransportResponse> exchange = new CompletableFuture<>();
    exchange.orTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS)
        .whenComplete((response, error) -> {
          if (error != null) {
            failAsync(result, asyncFailure(prepared, error), trace);
            return;
          }
          R value;
          try {
            value = download ? downloaded(call, prepared, response) : handle(call, prepared, response);
          } catch (Throwable e) {
            // Anything, an Error included, must complete the future, or the caller waits forever.
            failAsync(result, e, trace);
            return;
          }
          if (trace != null && !result.isDone()) {
            trace.ended(null);
          }
          if (!result.complete(value) && value instanceof Download late) {
            // Cancelled meanwhile: no one will read this download, whose stream holds a connection.
            late.close();
          }
        });
    sender.sendAsync(prepared.request, prepared.host == Host.MAINLAND, trace, exchange);
    // Cancelling the caller's future, or its timing out, abandons the exchange too; such an end, from
    // outside, is reported here, after the cancelled attempt. The exchange's own ends were reported before
    // they completed the future (CompletableFuture runs the caller's stages before this one); the first
    // end counts.
    result.whenComplete((value, error) -> {
      if (error != null) {
        exchange.cancel(true);
      }
      if (trace != null) {
        trace.ended(error);
      }
    });
    return result;
  }

  /**
   * A request ready to send, with what error messages call it and the keys for its sensitive fields
   * (the answer's are decrypted with the same call's keys).
   */
  record Prepared(TransportRequest request, Host host, String signedUrl, String method, String path,
      SensitiveFields sensitive, @Nullable CallTrace trace) {
    /** What messages call the request, e.g. {@code POST /v3/pay/transactions/jsapi}; made only when needed. */
    String description() {
      return method + " " + path;
    }
  }

  /** Builds the URL, serialises and signs the body, and sets the headers. Nothing is sent. */
  Prepared prepare(Call<?> call) {
    return prepare(call, null);
  }

  private Prepared prepare(Call<?> call, @Nullable CallTrace trace) {
    Operation<?> operation = call.operation();
    String path = call.expandPath();
    StringBuilder relative = new StringBuilder(path.length() + 32);
    // The base ends in '/', so drop the path's leading one and keep any prefix path of the base.
    relative.append(path, 1, path.length());
    String query = call.encodedQuery();
    if (!query.isEmpty()) {
      relative.append('?').append(query);
    }
    String relativeUrl = relative.toString();
    Base base = bases[operation.host().ordinal()];
    String signedUrl = base.path + relativeUrl;
    String method = operation.method();

    // One key per call: sensitive fields are encrypted for it and Wechatpay-Serial names it.
    VerificationKeys.@Nullable Key encryptionKey = keys.encryptionKey();
    SensitiveFields sensitive =
        new FieldCipher(encryptionKey == null ? null : encryptionKey.key(), merchantKey);
    if (trace != null) {
      sensitive = trace.watch(sensitive);
    }
    Call.Body<?> body = call.body();
    UploadFile upload = call.upload();
    // What the signature covers: the JSON body, or for an upload its meta part.
    byte[] signedBody;
    byte[] sentBody;
    String contentType = null;
    if (upload != null) {
      Multipart multipart = Multipart.of(upload, signer.nonce());
      signedBody = multipart.meta();
      sentBody = multipart.body();
      contentType = multipart.contentType();
    } else if (body != null) {
      signedBody = body.toBytes(sensitive);
      sentBody = signedBody;
      contentType = JSON;
      if (trace != null) {
        trace.requestBody(signedBody);
      }
    } else {
      signedBody = EMPTY;
      sentBody = null;
    }

    List<String> declared = call.headers();
    // Room for the five set here (Accept, User-Agent, Wechatpay-Serial, Content-Type, Authorization) and
    // the declared ones, names and values alternating.
    String[] headers = new String[10 + declared.size()];
    int n = 0;
    headers[n++] = "Accept";
    headers[n++] = operation.isDownload() ? "*/*" : JSON;
    headers[n++] = "User-Agent";
    headers[n++] = USER_AGENT;
    if (encryptionKey != null) {
      headers[n++] = "Wechatpay-Serial";
      headers[n++] = encryptionKey.id();
    }
    if (contentType != null) {
      headers[n++] = "Content-Type";
      headers[n++] = contentType;
    }
    // Declared headers may replace the defaults above (names compared case-insensitively), but never the
    // signature.
    for (int i = 0; i < declared.size(); i += 2) {
      String name = declared.get(i);
      String value = declared.get(i + 1);
      checkHeader(name, value);
      n = put(headers, n, name, value);
    }

    long timestamp = clock.instant().getEpochSecond();
    String nonce = signer.nonce();
    headers[n++] = "Authorization";
    headers[n++] = signer.authorization(method, signedUrl, timestamp, nonce, signedBody);
    TransportRequest request = TransportRequest.of(method, base.uri + relativeUrl,
        n == headers.length ? headers : Arrays.copyOf(headers, n), sentBody, requestTimeout,
        operation.isDownload()).withMaxBodyBytes(maxAnswerBytes);
    return new Prepared(request, operation.host(), signedUrl, method, path, sensitive, trace);
  }

  /** Sets a header in {@code headers[0..n)}, replacing one of the same name; returns the new length. */
  private static int put(String[] headers, int n, String name, String value) {
    for (int i = 0; i < n; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        headers[i] = name;
        headers[i + 1] = value;
        return n;
      }
    }
    headers[n] = name;
    headers[n + 1] = value;
    return n + 2;
  }

  /** The processor's @Header checks, again at call time for calls built by hand or by older code. */
  static void checkHeader(String name, String value) {
    String problem = HeaderRules.nameProblem(name);
    if (problem != null) {
      // The name is quoted only when it is a token: anything else might forge a log line.
      throw new IllegalArgumentException(HeaderRules.isToken(name)
          ? "header '" + name + "' " + problem : "a header name " + problem);
    }
    if (HeaderRules.hasLineBreak(value)) {
      // The value is left out of the message: headers may carry personal data.
      throw new IllegalArgumentException("value of header '" + name + "' contains CR or LF");
    }
  }

  <R extends @Nullable Object> R handle(Call<R> call, Prepared prepared, TransportResponse response) {
    int status = response.statusCode();
    byte[] body;
    try {
      body = response.body();
    } catch (IOException e) {
      throw transportFailure(prepared, e);
    }
    CallTrace trace = prepared.trace;
    if (status < 200 || status > 299) {
      if (trace != null) {
        trace.responseBody(body);
      }
      throw ServiceErrors.parse(status, body, response.header(REQUEST_ID));
    }
    // Redaction hides only the ciphertexts that were decrypted: until decoding is done, only the length.
    if (trace != null) {
      trace.responseWithheld(body, "not verified");
    }
    answerCheck.check(response::header, body);
    JsonAdapter<R> adapter = call.operation().responseAdapter();
    if (adapter == null) {
      if (trace != null) {
        trace.responseBody(body);
      }
      return null;
    }
    if (trace != null) {
      trace.responseWithheld(body, "not decoded");
    }
    R value;
    try {
      value = JsonDocuments.decode(adapter, new Buffer().write(body), prepared.sensitive());
    } catch (ValidationException e) {
      // An @Encrypted field that does not decrypt keeps its reason.
      throw e;
    } catch (IOException | RuntimeException e) {
      if (trace != null) {
        trace.decodingFailed();
      }
      throw new WechatPayException(
          "could not decode response of " + prepared.description() + ": " + e.getMessage(), e);
    }
    if (trace != null) {
      trace.responseBody(body);
    }
    return value;
  }

  /** Reports the end, then completes; a future already done (cancelled, say) reports its own end. */
  private static void failAsync(CompletableFuture<?> result, Throwable failure, @Nullable CallTrace trace) {
    if (trace != null && !result.isDone()) {
      trace.ended(failure);
    }
    result.completeExceptionally(failure);
  }

  private static Throwable asyncFailure(Prepared prepared, Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof WechatPayException || cause instanceof Error) {
      return cause;
    }
    return transportFailure(prepared, cause);
  }

  private static TransportException transportFailure(Prepared prepared, Throwable cause) {
    AnswerTooLargeException tooLarge = tooLarge(cause);
    String what = tooLarge != null ? "failed: answer longer than " + tooLarge.limit()
            + " bytes (WechatPay.Builder.maxAnswerBytes); not read"
        : cause instanceof HttpTimeoutException || cause instanceof TimeoutException
            || cause instanceof InterruptedIOException ? "timed out"
        : "failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    return new TransportException(prepared.description() + " " + what, cause);
  }

  /** The JDK's client rethrows a body's IOException as a new one with the original as its cause. */
  private static @Nullable AnswerTooLargeException tooLarge(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof AnswerTooLargeException e) {
        return e;
      }
    }
    return null;
  }

  private static String version() {
    String version = Pipeline.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
