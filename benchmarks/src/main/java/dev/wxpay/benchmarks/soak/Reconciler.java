package dev.wxpay.benchmarks.soak;

import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.runtime.ServiceException;
import dev.wxpay.runtime.TransportException;
import dev.wxpay.runtime.ValidationException;
import dev.wxpay.runtime.WechatPayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Holds each call to account: what the sandbox answered it (the token of its last answer, from the stub),
 * how often the sandbox received it (from the sandbox's records), and how the client ended it. A call ends
 * right when it returned exactly the answer the sandbox sent for it with no fault, or failed with the
 * exception type (and reason, or status) its fault calls for. Anything else is a problem, by kind. Sized for
 * a fixed number of ids up front, so that its own memory does not grow during a run. Thread-safe.
 */
final class Reconciler {
  static final String QUERY_OUT_TRADE_NO = "SOAK-QUERY";
  private static final String ID_PREFIX = "SOAK";
  private static final int EXAMPLES = 20;

  private final Plan plan;
  private final int allowedSends;
  private final boolean getResentAfterDrop;
  private final AtomicLongArray tokens;
  private final AtomicIntegerArray sends;
  /** 0 while open, 1 once ended (returned or threw), 2 once declared lost. */
  private final AtomicIntegerArray state;
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<Fault, LongAdder> injected = new ConcurrentHashMap<>();
  private final LongAdder wronglyAccepted = new LongAdder();
  private final LongAdder wrongFailures = new LongAdder();
  private final LongAdder lost = new LongAdder();
  private final LongAdder slow = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder foreign = new LongAdder();
  private final LongAdder certificateDownloads = new LongAdder();
  private final List<String> examples = new ArrayList<>();

  /**
   * @param allowedSends how often the retry rules let the runtime send a call here: once, as every request
   *     reaches the sandbox (retries are only for requests that never reached the server)
   * @param getResentAfterDrop whether the transport's HTTP client sends a GET once more by itself when the
   *     connection closes before any answer, as {@code java.net.http} does for idempotent requests; such a
   *     second send is counted on its own, not as a problem
   */
  Reconciler(Plan plan, int capacity, int allowedSends, boolean getResentAfterDrop) {
    this.plan = plan;
    this.allowedSends = allowedSends;
    this.getResentAfterDrop = getResentAfterDrop;
    this.tokens = new AtomicLongArray(capacity);
    this.sends = new AtomicIntegerArray(capacity);
    this.state = new AtomicIntegerArray(capacity);
  }

  int capacity() {
    return state.length();
  }

  static String idText(int id) {
    return ID_PREFIX + id;
  }

  /** The call id in an order's {@code out_trade_no} or a query's {@code mchid}, or -1 if there is none. */
  static int idOf(String text) {
    if (!text.startsWith(ID_PREFIX)) {
      return -1;
    }
    try {
      return Integer.parseInt(text.substring(ID_PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String prepayId(int id, long token) {
    return "wx" + idText(id) + "." + token;
  }

  static String transactionId(long token) {
    return "4200" + token;
  }

  // ---------------------------------------------------------------------------------------------------
  // What the sandbox saw.

  /** The stub answered the call {@code id} with this token (and the planned fault). */
  void answered(int id, long token, Fault fault) {
    tokens.set(id, token);
    injected.computeIfAbsent(fault, f -> new LongAdder()).increment();
  }

  /** The sandbox received a request for the call {@code id}; {@code rejection} is why it refused it, or null. */
  void received(int id, String rejection) {
    if (id < 0 || id >= sends.length()) {
      foreign.increment();
      example("the sandbox received a request for no call of this run");
      return;
    }
    sends.incrementAndGet(id);
    if (rejection != null) {
      rejected.increment();
      example(idText(id) + ": the sandbox refused it: " + rejection);
    }
  }

  void certificateDownload() {
    certificateDownloads.increment();
  }

  // ---------------------------------------------------------------------------------------------------
  // How the client ended each call.

  /** The call returned {@code value} or threw {@code error}; checked at once against its planned fault. */
  void ended(int id, Object value, Throwable error) {
    if (!state.compareAndSet(id, 0, 1)) {
      example(idText(id) + ": ended after it was declared lost, or twice");
      wrongFailures.increment();
      return;
    }
    Fault fault = plan.fault(id);
    if (error == null) {
      count("verified answer");
      String problem = fault.expect != Fault.Expect.ANSWER ? "returned an answer although its fault was " + fault
          : answerProblem(id, value);
      if (problem != null) {
        wronglyAccepted.increment();
        example(idText(id) + " (" + plan.op(id) + ", " + fault + "): " + problem);
      }
      return;
    }
    String type = outcome(error);
    count(type);
    if (fault == Fault.NONE && type.equals("TransportException timed out")) {
      // A typed, documented end for any call, here of one the machine was too busy to finish in time:
      // counted on its own, so that many of them still show.
      slow.increment();
      example(idText(id) + " (" + plan.op(id) + ", NONE): timed out without a fault");
      return;
    }
    if (!failedRight(id, fault, error)) {
      wrongFailures.increment();
      example(idText(id) + " (" + plan.op(id) + ", " + fault + "): " + type + ": " + error.getMessage());
    }
  }

  /** The call neither returned nor threw within its deadline. */
  void lost(int id, String how) {
    if (state.compareAndSet(id, 0, 2)) {
      lost.increment();
      count("lost");
      example(idText(id) + " (" + plan.op(id) + ", " + plan.fault(id) + "): lost, " + how);
    }
  }

  /** Declares lost every call below {@code issued} that has not ended. */
  void closeBooks(int issued) {
    for (int id = 0; id < issued; id++) {
      if (state.get(id) == 0) {
        lost(id, "never ended");
      }
    }
  }

  private String answerProblem(int id, Object value) {
    long token = tokens.get(id);
    if (token == 0) {
      return "returned an answer the sandbox never sent";
    }
    if (value instanceof JsapiResponse order) {
      return prepayId(id, token).equals(order.prepayId()) ? null
          : "returned prepay_id " + order.prepayId() + ", not the one the sandbox sent for it";
    }
    if (value instanceof OutTradeNoByOutTradeNoResponse query) {
      boolean same = idText(id).equals(query.mchid()) && transactionId(token).equals(query.transactionId())
          && QUERY_OUT_TRADE_NO.equals(query.outTradeNo());
      return same ? null : "returned another answer than the sandbox sent for it";
    }
    return "returned " + (value == null ? "null" : value.getClass().getSimpleName());
  }

  private boolean failedRight(int id, Fault fault, Throwable error) {
    return switch (fault.expect) {
      case ANSWER -> false;
      case VALIDATION -> error instanceof ValidationException v && v.reason() == fault.reason;
      case SERVICE -> error instanceof ServiceException s
          && s.statusCode() == Fault.serverErrorStatus(plan.variant(id)) && "SYSTEM_ERROR".equals(s.code());
      case TRANSPORT -> error instanceof TransportException;
    };
  }

  /** The outcome's type as reported: the exception and its reason, status or kind. */
  static String outcome(Throwable error) {
    if (error instanceof ValidationException v) {
      return v.getClass().getSimpleName() + " " + v.reason();
    }
    if (error instanceof ServiceException s) {
      return "ServiceException " + s.statusCode() + " " + s.code();
    }
    if (error instanceof TransportException t) {
      return "TransportException " + (t.getMessage().endsWith("timed out") ? "timed out" : "I/O failure");
    }
    if (error instanceof WechatPayException) {
      return "WechatPayException (decoding)";
    }
    return "unexpected " + error.getClass().getName();
  }

  private void count(String outcome) {
    outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
  }

  private void example(String problem) {
    synchronized (examples) {
      if (examples.size() < EXAMPLES) {
        examples.add(problem);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // The books, once every call has ended or been declared lost.

  /** The reconciliation of calls {@code 0..issued-1}. */
  Books books(int issued) {
    long tooOften = 0;
    long resent = 0;
    long notReceived = 0;
    for (int id = 0; id < issued; id++) {
      int n = sends.get(id);
      Plan.Op op = plan.op(id);
      boolean resendable = getResentAfterDrop && plan.fault(id) == Fault.DROPPED_CONNECTION
          && (op == Plan.Op.QUERY || op == Plan.Op.QUERY_ASYNC);
      if (resendable && n == allowedSends + 1) {
        resent++;
      } else if (n > allowedSends) {
        tooOften++;
        example(idText(id) + " (" + plan.op(id) + ", " + plan.fault(id) + "): sent " + n + " times, "
            + allowedSends + " allowed");
      } else if (n == 0) {
        notReceived++;
        example(idText(id) + " (" + plan.op(id) + ", " + plan.fault(id) + "): never reached the sandbox");
      }
    }
    Map<String, Long> byOutcome = new TreeMap<>();
    outcomes.forEach((k, v) -> byOutcome.put(k, v.sum()));
    Map<String, Long> byFault = new TreeMap<>();
    injected.forEach((k, v) -> byFault.put(k.name(), v.sum()));
    List<String> copy;
    synchronized (examples) {
      copy = List.copyOf(examples);
    }
    return new Books(issued, byFault, byOutcome, lost.sum(), wronglyAccepted.sum(), wrongFailures.sum(),
        slow.sum(), tooOften, resent, notReceived, rejected.sum() + foreign.sum(), certificateDownloads.sum(), copy);
  }

  /**
   * The reconciled figures.
   *
   * @param injected answers the sandbox sent, by fault (resent requests are answered again)
   * @param outcomes how calls ended, by type
   * @param wrongFailures calls that failed, but not as their fault calls for (or ended twice)
   * @param timedOutWithoutFault calls without a fault that timed out (a busy machine), not counted as problems
   * @param sentTooOften calls the sandbox received more often than the retry rules allow
   * @param resentByHttpClient GETs the HTTP client itself sent again after their connection dropped
   * @param notReceived calls the sandbox never received
   * @param refused requests the sandbox refused (bad signature, …) or could not attribute to a call
   */
  record Books(long calls, Map<String, Long> injected, Map<String, Long> outcomes, long lost, long wronglyAccepted,
      long wrongFailures, long timedOutWithoutFault, long sentTooOften, long resentByHttpClient, long notReceived, long refused, long certificateDownloads,
      List<String> examples) {
    boolean clean() {
      return lost == 0 && wronglyAccepted == 0 && wrongFailures == 0 && sentTooOften == 0 && notReceived == 0
          && refused == 0;
    }
  }
}
