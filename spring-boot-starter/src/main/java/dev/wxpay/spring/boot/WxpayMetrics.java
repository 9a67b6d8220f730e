package dev.wxpay.spring.boot;

import dev.wxpay.runtime.CallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters of WeChat Pay calls, made from {@link CallListener} events:
 *
 * <ul>
 *   <li>{@value #CALLS}, a timer of whole calls (retries included), tagged {@code merchant}, {@code operation}
 *       (e.g. {@code Jsapi.post}), {@code outcome} ({@code success}, {@code service_error},
 *       {@code transport_error}, ...), {@code status} (the HTTP status, or {@code none}) and {@code error_code}
 *       (WeChat Pay's {@code code} such as {@code PARAM_ERROR}, or {@code none});
 *   <li>{@value #ATTEMPTS}, a counter of requests sent (a retry is another one), tagged {@code merchant},
 *       {@code operation} and {@code status}.
 * </ul>
 *
 * <p>Tags take few values: no request id, no path with ids in it. Thread-safe; the auto-configuration hands
 * {@link #listenerFor} to the auto-configured client.
 */
public final class WxpayMetrics {
  /** The timer of calls. */
  public static final String CALLS = "wxpay.calls";
  /** The counter of requests sent. */
  public static final String ATTEMPTS = "wxpay.attempts";

  private static final String NONE = "none";
  private static final int MAX_ERROR_CODE_LENGTH = 64;
  private static final Map<CallListener.Outcome, String> OUTCOMES = outcomes();

  // Providers look meters up by tags in the registry, which keeps them: nothing to cache here.
  private final Meter.MeterProvider<Timer> calls;
  private final Meter.MeterProvider<Counter> attempts;

  public WxpayMetrics(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    this.calls = Timer.builder(CALLS)
        .description("WeChat Pay calls, from start to end with their retries")
        .withRegistry(registry);
    this.attempts = Counter.builder(ATTEMPTS)
        .description("Requests sent to WeChat Pay, retries and fail-overs included")
        .withRegistry(registry);
  }

  /**
   * The listener that records the calls of one client.
   *
   * @param merchant the value of the {@code merchant} tag: the name of the client's configuration, such as
   *     {@code default}, not a secret
   */
  public CallListener listenerFor(String merchant) {
    Objects.requireNonNull(merchant, "merchant");
    return new CallListener() {
      @Override
      public void callEnded(Ended event) {
        calls.withTags("merchant", merchant, "operation", event.operation(),
            "outcome", OUTCOMES.get(event.outcome()), "status", status(event.statusCode()),
            "error_code", errorCode(event.errorCode())).record(event.duration());
      }

      @Override
      public void attemptEnded(Attempt event) {
        attempts.withTags("merchant", merchant, "operation", event.operation(),
            "status", status(event.statusCode())).increment();
      }

      @Override
      public String toString() {
        return "WxpayMetrics listener for " + merchant;
      }
    };
  }

  /** The tag of each outcome, made once rather than per call. */
  private static Map<CallListener.Outcome, String> outcomes() {
    Map<CallListener.Outcome, String> tags = new EnumMap<>(CallListener.Outcome.class);
    for (CallListener.Outcome outcome : CallListener.Outcome.values()) {
      tags.put(outcome, outcome.name().toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableMap(tags);
  }

  private static String status(int statusCode) {
    return statusCode == 0 ? NONE : Integer.toString(statusCode);
  }

  /**
   * WeChat Pay's codes are a short list of upper-case names; anything else the server sent is {@code other}, so
   * that an odd answer cannot make a new time series per call.
   */
  static String errorCode(@Nullable String code) {
    if (code == null) {
      return NONE;
    }
    if (code.isEmpty() || code.length() > MAX_ERROR_CODE_LENGTH) {
      return "other";
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return "other";
      }
    }
    return code;
  }
}
