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

  void responseBody(byte[] body) {
    if (ciphertexts != null) {
      responseBody = body;
    }
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
    Duration duration = Duration.ofNanos(System.nanoTime() - since);
    int number = attempts;
    while (failure instanceof CompletionException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    int status = 0;
    String id = null;
    if (response != null) {
      status = response.statusCode();
      id = response.header(REQUEST_ID);
      statusCode = status;
      requestId = id;
    }
    CallListener.Attempt event = new CallListener.Attempt(
        operation, async, number, target(request.url()), status, id, duration, failure);
    if (log) {
      Log.LOG.log(Level.DEBUG, event.toString());
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
    Duration duration = Duration.ofNanos(System.nanoTime() - started);
    String request = null;
    String response = null;
    Set<String> seen = ciphertexts;
    if (seen != null) {
      synchronized (seen) {
        byte[] sent = requestBody;
        byte[] received = responseBody;
        request = sent == null ? null : Redaction.json(sent, seen);
        response = received == null ? null : Redaction.json(received, seen);
      }
    }
    CallListener.Ended event = new CallListener.Ended(operation, async, failure, statusCode, requestId,
        attempts, duration, request, response);
    if (log) {
      Log.LOG.log(Level.DEBUG, event.toString());
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
    if (Log.WARNED.get(listener.getClass()).compareAndSet(false, true)) {
      Log.LOG.log(Level.WARNING, "call listener " + listener.getClass().getName()
          + " threw; the calls go on, and its later failures are not logged", e);
    }
  }

  /** Holds the logger: System.getLogger starts java.util.logging, wanted only when a call is made. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger("dev.wxpay.runtime.calls");
    static final ClassValue<AtomicBoolean> WARNED = new ClassValue<>() {
      @Override
      protected AtomicBoolean computeValue(Class<?> type) {
        return new AtomicBoolean();
      }
    };
  }
}
