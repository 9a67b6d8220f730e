package dev.wxpay.runtime;

import dev.wxpay.annotations.Host;
import dev.wxpay.runtime.spi.Operation;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Told what each call did, for logs, metrics and tracing; registered with
 * {@link WechatPay.Builder#callListener}. Every call gives one {@link Started}, one {@link Attempt} per
 * request sent (a retry, or a fail-over to the backup host, is another attempt) and one {@link Ended}.
 * Only {@link #callEnded} must be implemented, so a lambda is a listener:
 *
 * <pre>{@code
 * .callListener(end -> timers.get(end.operation(), end.outcome()).record(end.duration()))
 * }</pre>
 *
 * <p>A tracer overrides {@link #callStarted} to open a span and returns a listener for the rest of that
 * call, which closes it. Events carry nothing secret: no {@code Authorization} header, signature, key,
 * ciphertext or decrypted field; request and response bodies only after
 * {@link WechatPay.Builder#callEventBodies}, and then redacted.
 *
 * <p>Threads: for a blocking call every event is delivered on the calling thread, the end before the call
 * returns or throws. For an asynchronous call {@code callStarted} runs on the calling thread, the rest on
 * the thread that completes the exchange (the transport's, or a timer's for the request timeout), the end
 * before the returned future completes: before the caller's own stages run or {@code join()} returns. A
 * future the caller completes itself (cancels, or times out with {@code orTimeout}) ends on the thread that
 * does so, possibly after the caller's stages. Events of one call never overlap. A listener serves many calls at once, so it must be
 * thread-safe. What it throws is caught and logged (a warning once per listener class) and never changes
 * the call's outcome; it should be quick, as it runs on the call's path.
 */
@FunctionalInterface
public interface CallListener {
  /** The call ended, with a value or a failure. */
  void callEnded(Ended event);

  /**
   * A request was sent and answered, or failed to be. By default nothing happens.
   */
  default void attemptEnded(Attempt event) {}

  /**
   * A call starts, before its request is built and signed. Returns the listener for this call's later
   * events: by default this one; a tracer returns one that holds the call's span.
   */
  default CallListener callStarted(Started event) {
    return this;
  }

  /** What every event tells: which operation, and how it is called. */
  abstract sealed class Event permits Started, Attempt, Ended {
    final Operation<?> operation;
    final boolean async;

    Event(Operation<?> operation, boolean async) {
      this.operation = operation;
      this.async = async;
    }

    /**
     * The operation's name: for generated clients the interface and the method that declare it, e.g.
     * {@code Jsapi.post} or {@code OutTradeNoByOutTradeNo.get} (simple names, so two families may both
     * have a {@code Close.post}: {@link #method} and {@link #route} tell them apart); otherwise the method
     * and the route, e.g. {@code GET /v3/certificates}.
     */
    public String operation() {
      return operation.name();
    }

    /** The HTTP method, upper case. */
    public String method() {
      return operation.method();
    }

    /**
     * The path template, e.g. {@code /v3/pay/transactions/out-trade-no/{out_trade_no}}: the same for every
     * call of the operation (no values), so fit for a metric tag or a span name.
     */
    public String route() {
      return operation.route();
    }

    /** The host that serves the operation (the backup host stands in for the mainland one). */
    public Host host() {
      return operation.host();
    }

    /** Whether the call was made with an {@code ...Async} method (or a Kotlin {@code suspend} one). */
    public boolean isAsync() {
      return async;
    }

    void describe(StringBuilder out) {
      out.append(operation.name()).append(" (").append(operation.method()).append(' ')
          .append(operation.route()).append(')');
      if (async) {
        out.append(" async");
      }
    }
  }

  /** A call starts; nothing is built or sent yet. */
  final class Started extends Event {
    Started(Operation<?> operation, boolean async) {
      super(operation, async);
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("wxpay call started: ");
      describe(out);
      return out.toString();
    }
  }

  /** One request sent: answered (any status) or failed before an answer was read. */
  final class Attempt extends Event {
    private final int number;
    private final String target;
    private final int statusCode;
    private final @Nullable String requestId;
    private final Duration duration;
    private final @Nullable Throwable failure;

    Attempt(Operation<?> operation, boolean async, int number, String target, int statusCode,
        @Nullable String requestId, Duration duration, @Nullable Throwable failure) {
      super(operation, async);
      this.number = number;
      this.target = target;
      this.statusCode = statusCode;
      this.requestId = requestId;
      this.duration = duration;
      this.failure = failure;
    }

    /** 1 for the first request, 2 for the first retry, and so on. */
    public int number() {
      return number;
    }

    /** Where it went: the host and port of the URL, e.g. {@code api.mch.weixin.qq.com}. */
    public String target() {
      return target;
    }

    /** The answer's HTTP status; 0 if none was received. */
    public int statusCode() {
      return statusCode;
    }

    /** The answer's {@code Request-ID} header, to quote to WeChat Pay support; null if none. */
    public @Nullable String requestId() {
      return requestId;
    }

    /**
     * From sending the request until the answer was received or the failure: blocking or asynchronous, the
     * answer's whole body (a transport reads it before handing the answer over), except for a download,
     * whose body streams afterwards: only its headers.
     */
    public Duration duration() {
      return duration;
    }

    /** Why no answer was received (an {@code IOException}, a timeout, a cancellation); null if one was. */
    public @Nullable Throwable failure() {
      return failure;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("wxpay attempt ").append(number).append(": ");
      describe(out);
      out.append(" to ").append(Redaction.oneLine(target)).append(" -> ");
      if (failure != null) {
        out.append(failure.getClass().getSimpleName());
      } else {
        out.append(statusCode);
      }
      appendRequestId(out, requestId);
      appendMillis(out, duration);
      return out.toString();
    }
  }

  /** How a call ended. More may be added in later versions. */
  enum Outcome {
    /** A 2xx answer, verified and decoded (a download: its headers received). */
    SUCCESS,
    /** WeChat Pay answered 4xx or 5xx: a {@link ServiceException}. */
    SERVICE_ERROR,
    /**
     * No answer, or one that could not be read: a {@link TransportException} (a timeout included), or the
     * {@link TimeoutException} of a timeout the caller set on the returned future.
     */
    TRANSPORT_ERROR,
    /** The answer failed verification: a {@link ValidationException}. */
    VERIFICATION_FAILED,
    /** A verified answer could not be decoded: a {@link WechatPayException}. */
    DECODING_FAILED,
    /** The caller cancelled the future or interrupted the thread. */
    CANCELLED,
    /**
     * Anything else, e.g. an argument refused, or a request that could not be prepared (no WeChat Pay public
     * key to encrypt a field with), before anything was sent.
     */
    OTHER,
  }

  /** A call ended: its outcome, and the answer's status and {@code Request-ID} when there was one. */
  final class Ended extends Event {
    private final Outcome outcome;
    private final int statusCode;
    private final @Nullable String errorCode;
    private final @Nullable String requestId;
    private final int attempts;
    private final Duration duration;
    private final @Nullable Throwable failure;
    private final @Nullable String requestBody;
    private final @Nullable String responseBody;

    Ended(Operation<?> operation, boolean async, @Nullable Throwable failure, boolean decodingFailed,
        int statusCode, @Nullable String requestId, int attempts, Duration duration,
        @Nullable String requestBody, @Nullable String responseBody) {
      super(operation, async);
      this.outcome = outcome(failure, decodingFailed);
      String code = null;
      if (failure instanceof ServiceException service) {
        statusCode = service.statusCode();
        code = service.code();
        requestId = service.requestId() != null ? service.requestId() : requestId;
      }
      this.statusCode = statusCode;
      this.errorCode = code;
      this.requestId = requestId;
      this.attempts = attempts;
      this.duration = duration;
      this.failure = failure;
      this.requestBody = requestBody;
      this.responseBody = responseBody;
    }

    /** {@code decodingFailed}: the pipeline saw a verified answer fail to decode (the type alone cannot tell). */
    private static Outcome outcome(@Nullable Throwable failure, boolean decodingFailed) {
      if (failure == null) {
        return Outcome.SUCCESS;
      }
      if (failure instanceof ServiceException) {
        return Outcome.SERVICE_ERROR;
      }
      if (failure instanceof ValidationException) {
        return Outcome.VERIFICATION_FAILED;
      }
      if (failure instanceof CancellationException
          || failure instanceof TransportException && failure.getCause() instanceof InterruptedException) {
        return Outcome.CANCELLED;
      }
      // A TimeoutException: the caller's own orTimeout on the returned future.
      if (failure instanceof TransportException || failure instanceof TimeoutException) {
        return Outcome.TRANSPORT_ERROR;
      }
      return decodingFailed && failure instanceof WechatPayException ? Outcome.DECODING_FAILED : Outcome.OTHER;
    }

    public Outcome outcome() {
      return outcome;
    }

    /** The last answer's HTTP status; 0 if no answer was received. */
    public int statusCode() {
      return statusCode;
    }

    /** WeChat Pay's error {@code code} (e.g. {@code PARAM_ERROR}) of a service error; null otherwise. */
    public @Nullable String errorCode() {
      return errorCode;
    }

    /** The last answer's {@code Request-ID} header; null if none. */
    public @Nullable String requestId() {
      return requestId;
    }

    /** How many requests were sent (1 unless retried); 0 if the call failed before sending. */
    public int attempts() {
      return attempts;
    }

    /** From the start of the call to its end, measured with {@link System#nanoTime()}. */
    public Duration duration() {
      return duration;
    }

    /**
     * What the call threw, or completed its future with; null on success. Its message and cause hold no key
     * material or decrypted data (see {@link WechatPayException}).
     */
    public @Nullable Throwable failure() {
      return failure;
    }

    /**
     * The JSON request body as signed, with {@code @Encrypted} fields and fields whose names suggest a
     * secret replaced by {@code "<redacted>"}; null unless {@link WechatPay.Builder#callEventBodies} is on,
     * or for a call without a JSON body (an upload sends only its file's name and hash as JSON).
     */
    public @Nullable String requestBody() {
      return requestBody;
    }

    /**
     * The answer's body redacted the same way (an error answer's too); null unless
     * {@link WechatPay.Builder#callEventBodies} is on, or for a download or a call without an answer. A 2xx
     * answer is shown only once verified and decoded, as only then are its encrypted fields known;
     * otherwise only its length, e.g. {@code <512 bytes, not verified>} or {@code <512 bytes, not decoded>}.
     */
    public @Nullable String responseBody() {
      return responseBody;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("wxpay call ");
      describe(out);
      out.append(" -> ").append(outcome);
      if (statusCode != 0) {
        out.append(' ').append(statusCode);
      }
      if (errorCode != null) {
        out.append(' ').append(Redaction.oneLine(errorCode));
      }
      if (failure != null && outcome != Outcome.SERVICE_ERROR) {
        out.append(' ').append(failure.getClass().getSimpleName());
      }
      appendRequestId(out, requestId);
      out.append(", ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
      appendMillis(out, duration);
      return out.toString();
    }
  }

  private static void appendRequestId(StringBuilder out, @Nullable String requestId) {
    if (requestId != null) {
      out.append(", Request-ID ").append(Redaction.oneLine(requestId));
    }
  }

  private static void appendMillis(StringBuilder out, Duration duration) {
    out.append(", ").append(String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6)).append(" ms");
  }
}
