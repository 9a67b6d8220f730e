package dev.wxpay.runtime;

import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import dev.wxpay.runtime.spi.Operation;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One observed call: made only when a {@link CallListener} is registered or debug logging is on, so an
 * unobserved call allocates nothing for it. Delivers the events to the listener and the debug log, and
 * keeps what the end event needs. Its methods are called one after another, never at once: for an
 * asynchronous call on several threads, in the order the exchange's futures complete.
 */
final class CallTrace {
  private static final String REQUEST_ID = "Request-ID";

  private final Operation<?> operation;
  private final boolean async;
  private final long started = System.nanoTime();
  private final boolean log;
  // This call's listener (what callStarted returned); null if none, or if callStarted threw.
  private final @Nullable CallListener listener;
  // The ciphertexts this call encrypted or decrypted, to redact from bodies; null unless bodies are wanted.
  private final @Nullable Set<String> ciphertexts;
  private boolean ended;
  // Written by the attempt and body methods, read by ended(): the futures order them.
  private volatile int attempts;
  private volatile int statusCode;
  private volatile @Nullable String requestId;
  private volatile byte @Nullable [] requestBody;
  private volatile byte @Nullable [] responseBody;
  // Why the 2xx answer's body is not shown (not verified, not decoded); null once it is. Written before the
  // body and read after it, so ended() never shows an answer whose ciphertexts it has not all seen.
  private volatile @Nullable String withheld;
  // Set when a verified answer failed to decode: the one failure that is DECODING_FAILED.
  private volatile boolean decodingFailed;

  private CallTrace(Operation<?> operation, boolean async, boolean log, @Nullable CallListener listener,
      boolean bodies) {
    this.operation = operation;
    this.async = async;
    this.log = log;
    this.ciphertexts = bodies && listener != null ? new HashSet<>() : null;
    CallListener forCall = null;
    if (listener != null) {
      try {
        forCall = listener.callStarted(new CallListener.Started(operation, async));
      } catch (Throwable e) {
        failed(listener, e);
      }
    }
    this.listener = forCall;
  }

  /** Starts observing a call; null, with nothing allocated, when nobody listens. */
  static @Nullable CallTrace start(@Nullable CallListener listener, boolean bodies, Operation<?> operation,
      boolean async) {
    boolean log = Log.LOG.isLoggable(Level.DEBUG);
    if (listener == null && !log) {
      return null;
    }
    return new CallTrace(operation, async, log, listener, bodies);
  }

  /** The call's keys, noting what they encrypt and decrypt when bodies are reported. */
  SensitiveFields watch(SensitiveFields fields) {
    Set<String> seen = ciphertexts;
    if (seen == null) {
      return fields;
    }
    return new SensitiveFields() {
      @Override
      public String encrypt(String plaintext) {
        String ciphertext = fields.encrypt(plaintext);
        synchronized (seen) {
          seen.add(ciphertext);
        }
        return ciphertext;
      }

      @Override
      public String decrypt(String ciphertext) {
        synchronized (seen) {
          seen.add(ciphertext);
        }
        return fields.decrypt(ciphertext);
      }
    };
  }

  void requestBody(byte[] body) {
    if (ciphertexts != null) {
      requestBody = body;
    }
  }

  /** An answer that may be shown, redacted: an error answer, or a 2xx one verified and fully decoded. */
  void responseBody(byte[] body) {
    if (ciphertexts != null) {
      withheld = null;
      responseBody = body;
    }
  }

  /**
   * A 2xx answer not verified and decoded yet: only its length is shown, because redaction knows only the
   * ciphertexts that were decrypted.
   */
  void responseWithheld(byte[] body, String why) {
    if (ciphertexts != null) {
      withheld = why;
      responseBody = body;
    }
  }

  /** A verified answer could not be decoded: the call's failure is a decoding failure. */
  void decodingFailed() {
    decodingFailed = true;
  }

  /** A request is about to be sent; returns the time, for {@link #attemptEnded}. */
  long attemptStarted() {
    attempts++;
    return System.nanoTime();
  }

  /**
   * A request was answered ({@code response} not null) or failed; {@code since} is when it was sent.
   * Synchronized with {@link #ended}: an asynchronous call cancelled meanwhile ends on the cancelling
   * thread, and after the end no attempt is reported.
   */
  synchronized void attemptEnded(TransportRequest request, long since, @Nullable TransportResponse response,
      @Nullable Throwable failure) {
    if (ended) {
      return;
    }
    try {
      reportAttempt(request, since, response, failure);
    } catch (Throwable e) {
      traceFailed(e);
    }
  }

  private void reportAttempt(TransportRequest request, long since, @Nullable TransportResponse response,
      @Nullable Throwable failure) {
    Duration duration = Duration.ofNanos(System.nanoTime() - since);
    int number = attempts;
    while (failure instanceof CompletionException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    int status = 0;
    String id = null;
    if (response != null) {
      status = response.statusCode();
      id = requestId(response);
      statusCode = status;
      requestId = id;
    }
    CallListener.Attempt event = new CallListener.Attempt(
        operation, async, number, target(request.url()), status, id, duration, failure);
    if (log) {
      debug(event);
    }
    CallListener forCall = listener;
    if (forCall != null) {
      try {
        forCall.attemptEnded(event);
      } catch (Throwable e) {
        failed(forCall, e);
      }
    }
  }

  /** The call ended, with {@code failure} or without; only the first end counts. */
  synchronized void ended(@Nullable Throwable failure) {
    if (ended) {
      return;
    }
    ended = true;
    try {
      reportEnd(failure);
    } catch (Throwable e) {
      traceFailed(e);
    }
  }

  private void reportEnd(@Nullable Throwable failure) {
    Duration duration = Duration.ofNanos(System.nanoTime() - started);
    String request = null;
    String response = null;
    Set<String> seen = ciphertexts;
    if (seen != null) {
      synchronized (seen) {
        byte[] sent = requestBody;
        byte[] received = responseBody;
        String why = withheld;
        request = sent == null ? null : Redaction.json(sent, seen);
        response = received == null ? null
            : why != null ? "<" + received.length + " bytes, " + why + ">"
            : Redaction.json(received, seen);
      }
    }
    CallListener.Ended event = new CallListener.Ended(operation, async, failure, decodingFailed, statusCode,
        requestId, attempts, duration, request, response);
    if (log) {
      debug(event);
    }
    CallListener forCall = listener;
    if (forCall != null) {
      try {
        forCall.callEnded(event);
      } catch (Throwable e) {
        failed(forCall, e);
      }
    }
  }

  /** The debug line of an event; a logging backend that throws loses the line, not the listener's event. */
  private static void debug(CallListener.Event event) {
    try {
      Log.LOG.log(Level.DEBUG, event.toString());
    } catch (Throwable e) {
      traceFailed(e);
    }
  }

  /** The answer's Request-ID; null if its header view fails (a transport's own view may). */
  private static @Nullable String requestId(TransportResponse response) {
    try {
      return response.header(REQUEST_ID);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Tracing itself failed (a logging backend, say): the call goes on, as an exception here would leave an
   * asynchronous call's future incomplete or report an attempt twice. Warned about once.
   */
  private static void traceFailed(Throwable e) {
    if (e instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    try {
      if (Log.TRACE_WARNED.compareAndSet(false, true)) {
        Log.LOG.log(Level.WARNING, "wxpay could not report a call event; the calls go on, and later such"
            + " failures are not logged", e);
      }
    } catch (Throwable again) {
      if (again instanceof VirtualMachineError fatal) {
        throw fatal;
      }
      // The logging backend is what fails: nothing else can be told.
    }
  }

  /** The host and port of a URL: where an attempt went. */
  private static String target(String url) {
    int start = url.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int end = url.indexOf('/', start);
    return url.substring(start, end < 0 ? url.length() : end);
  }

  /** A listener threw: the call goes on; a warning once per listener class, not once per call. */
  private static void failed(CallListener listener, Throwable e) {
    if (e instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    try {
      if (Log.WARNED.get(listener.getClass()).compareAndSet(false, true)) {
        Log.LOG.log(Level.WARNING, "call listener " + listener.getClass().getName()
            + " threw; the calls go on, and its later failures are not logged", e);
      }
    } catch (Throwable again) {
      traceFailed(again);
    }
  }

  /** Holds the logger: System.getLogger starts java.util.logging, wanted only when a call is made. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger("dev.wxpay.runtime.calls");
    static final AtomicBoolean TRACE_WARNED = new AtomicBoolean();
    static final ClassValue<AtomicBoolean> WARNED = new ClassValue<>() {
      @Override
      protected AtomicBoolean computeValue(Class<?> type) {
        return new AtomicBoolean();
      }
    };
  }
}
