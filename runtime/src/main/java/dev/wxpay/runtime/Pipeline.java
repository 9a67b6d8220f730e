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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private final Sender sender;
  private final RequestSigner signer;
  private final AnswerCheck answerCheck;
  private final VerificationKeys keys;
  private final PrivateKey merchantKey;
  private final Clock clock;
  private final Duration requestTimeout;
  // One base per host, indexed by Host.ordinal(): choosing an operation's base is one array read.
  private final Base[] bases;

  Pipeline(
      HttpClient client,
      RequestSigner signer,
      ResponseVerifier verifier,
      VerificationKeys keys,
      PrivateKey merchantKey,
      Clock clock,
      Duration requestTimeout,
      URI baseUri,
      URI hongKongBaseUri,
      @Nullable URI backupBaseUri,
      int retries) {
    this.sender = new Sender(client, baseUri, backupBaseUri, retries);
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
    void check(HttpHeaders headers, byte[] body);
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
    Prepared prepared = prepare(call);
    if (call.operation().isDownload()) {
      return downloaded(call, prepared, receive(prepared));
    }
    return handle(call, prepared, send(prepared));
  }

  /** Sends an unsigned download's request and returns once the headers are in; the body streams. */
  private HttpResponse<InputStream> receive(Prepared prepared) {
    // The deadline covers the request until the headers; the body then streams as fast as it is read.
    return await(exchange(prepared, HttpResponse.BodyHandlers.ofInputStream()), prepared);
  }

  /** The Download of a 2xx answer, which is not signed; error answers are read as usual. */
  @SuppressWarnings("unchecked") // Call.download() makes R Download.
  private <R extends @Nullable Object> R downloaded(
      Call<R> call, Prepared prepared, HttpResponse<InputStream> response) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(64 * 1024);
      } catch (IOException e) {
        body = EMPTY;
      }
      throw ServiceErrors.parse(status, body, response.headers().firstValue("Request-ID").orElse(null));
    }
    ContentHash hash = call.expectedHash();
    // Checked again: the spi type may come from code that did not go through DownloadHash's rules.
    DownloadHash expected = hash == null || hash instanceof DownloadHash ? (DownloadHash) hash
        : new DownloadHash(hash.type(), hash.value());
    return (R) new Download(response.body(), expected, prepared.description);
  }

  /**
   * Sends a prepared request and waits for the whole answer, without looking at it. The deadline covers
   * the whole exchange: HttpRequest's own timeout stops at the headers, so a server that stalls in the
   * middle of the body would otherwise hold the caller.
   */
  private HttpResponse<byte[]> send(Prepared prepared) {
    return await(exchange(prepared, HttpResponse.BodyHandlers.ofByteArray()), prepared);
  }

  /** Hands a prepared request to the sender; only mainland requests fail over to the backup host. */
  private <T> CompletableFuture<HttpResponse<T>> exchange(Prepared prepared, HttpResponse.BodyHandler<T> handler) {
    return sender.exchange(prepared.request, handler, prepared.host == Host.MAINLAND);
  }

  /** Waits up to the request timeout; the exchange is cancelled when the caller stops waiting. */
  private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> exchange, Prepared prepared) {
    try {
      return exchange.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted during " + prepared.description, e);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new TransportException(prepared.description + " timed out", e);
    } catch (ExecutionException e) {
      Throwable failure = asyncFailure(prepared, e);
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) failure;
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
    Prepared prepared = prepare(call);
    if (call.operation().isDownload()) {
      return exchange(prepared, HttpResponse.BodyHandlers.ofInputStream())
          .handle((response, error) -> {
            if (error != null) {
              Throwable failure = asyncFailure(prepared, error);
              throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
            }
            return downloaded(call, prepared, response);
          });
    }
    CompletableFuture<R> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        exchange(prepared, HttpResponse.BodyHandlers.ofByteArray());
    exchange.orTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS)
        .whenComplete((response, error) -> {
          if (error != null) {
            result.completeExceptionally(asyncFailure(prepared, error));
            return;
          }
          try {
            result.complete(handle(call, prepared, response));
          } catch (Throwable e) {
            // Anything, an Error included, must complete the future, or the caller waits forever.
            result.completeExceptionally(e);
          }
        });
    // Cancelling the caller's future, or its timing out, abandons the exchange too.
    result.whenComplete((value, error) -> {
      if (error != null) {
        exchange.cancel(true);
      }
    });
    return result;
  }

  /**
   * A request ready to send, with what error messages call it and the keys for its sensitive fields
   * (the answer's are decrypted with the same call's keys).
   */
  record Prepared(
      HttpRequest request, Host host, String signedUrl, String description, SensitiveFields sensitive) {}

  /** Builds the URL, serialises and signs the body, and sets the headers. Nothing is sent. */
  Prepared prepare(Call<?> call) {
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
    String description = method + " " + path;

    // One key per call: sensitive fields are encrypted for it and Wechatpay-Serial names it.
    VerificationKeys.@Nullable Key encryptionKey = keys.encryptionKey();
    SensitiveFields sensitive =
        new FieldCipher(encryptionKey == null ? null : encryptionKey.key(), merchantKey);
    Call.Body<?> body = call.body();
    UploadFile upload = call.upload();
    // What the signature covers: the JSON body, or for an upload its meta part.
    byte[] signedBody;
    HttpRequest.BodyPublisher publisher;
    String contentType = null;
    if (upload != null) {
      Multipart multipart = Multipart.of(upload, signer.nonce());
      signedBody = multipart.meta();
      publisher = HttpRequest.BodyPublishers.ofByteArray(multipart.body());
      contentType = multipart.contentType();
    } else if (body != null) {
      signedBody = body.toBytes(sensitive);
      publisher = HttpRequest.BodyPublishers.ofByteArray(signedBody);
      contentType = "application/json";
    } else {
      signedBody = EMPTY;
      publisher = HttpRequest.BodyPublishers.noBody();
    }

    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.uri + relativeUrl))
        .timeout(requestTimeout)
        .method(method, publisher)
        .setHeader("Accept", operation.isDownload() ? "*/*" : "application/json")
        .setHeader("User-Agent", USER_AGENT);
    if (encryptionKey != null) {
      builder.setHeader("Wechatpay-Serial", encryptionKey.id());
    }
    if (contentType != null) {
      builder.setHeader("Content-Type", contentType);
    }
    // Declared headers may replace the defaults above (header names are case-insensitive in the
    // builder), but never the signature.
    List<String> headers = call.headers();
    for (int i = 0; i < headers.size(); i += 2) {
      checkHeader(headers.get(i), headers.get(i + 1));
      builder.setHeader(headers.get(i), headers.get(i + 1));
    }

    long timestamp = clock.instant().getEpochSecond();
    String nonce = signer.nonce();
    builder.setHeader("Authorization", signer.authorization(method, signedUrl, timestamp, nonce, signedBody));
    return new Prepared(builder.build(), operation.host(), signedUrl, description, sensitive);
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

  <R extends @Nullable Object> R handle(Call<R> call, Prepared prepared, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    byte[] body = response.body() == null ? EMPTY : response.body();
    if (status < 200 || status > 299) {
      throw ServiceErrors.parse(status, body, response.headers().firstValue("Request-ID").orElse(null));
    }
    answerCheck.check(response.headers(), body);
    JsonAdapter<R> adapter = call.operation().responseAdapter();
    if (adapter == null) {
      return null;
    }
    try {
      return JsonDocuments.decode(adapter, new Buffer().write(body), prepared.sensitive());
    } catch (ValidationException e) {
      // An @Encrypted field that does not decrypt keeps its reason.
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new WechatPayException(
          "could not decode response of " + prepared.description + ": " + e.getMessage(), e);
    }
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
    String what = cause instanceof HttpTimeoutException || cause instanceof TimeoutException
        ? "timed out"
        : "failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    return new TransportException(prepared.description + " " + what, cause);
  }

  private static String version() {
    String version = Pipeline.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
