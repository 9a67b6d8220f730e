package dev.wxpay.benchmarks.soak;

import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.SandboxVerification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import dev.wxpay.transport.apache.ApacheHttpTransport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One load or soak run: a sandbox in certificate mode (or another), one client, {@code threads} threads that
 * each make one call after another (sync and async mixed), faults injected per call by the {@link Plan},
 * platform certificates rotated with notice every so often, the sandbox's records drained and counted as it
 * goes, and every call reconciled. Heap after GC and live threads are sampled around it.
 */
final class SoakRun {
  static final String ORDER_PATH = "/v3/pay/transactions/jsapi";
  static final String QUERY_PATH = "/v3/pay/transactions/out-trade-no/" + Reconciler.QUERY_OUT_TRADE_NO;
  private static final Pattern OUT_TRADE_NO = Pattern.compile("\"out_trade_no\":\"([^\"]*)\"");

  /** What to run; see {@link SoakMain} for the command line. */
  record Options(int calls, Duration duration, int threads, double faultRate, List<Fault> faults,
      Duration rotateEvery, Duration refreshEvery, SandboxVerification verification, Duration timeout, long seed,
      String transport, Duration sampleEvery) {
    boolean timed() {
      return calls == 0;
    }

    /** How long past its timeout a call may take to end before it counts as lost. */
    Duration grace() {
      return timeout.multipliedBy(2);
    }

    /** Room for every id a run can issue: its calls, or for a timed run a generous rate. */
    int capacity() {
      return timed() ? (int) Math.min(50_000_000L, Math.max(10_000, duration.toSeconds() * 4_000)) : calls;
    }
  }

  /** Broken variants for the smoke test: a client builder change (e.g. a transport) and a wrapper of the calls. */
  record Hooks(UnaryOperator<WechatPay.Builder> builder, UnaryOperator<Calls> calls) {
    static final Hooks NONE = new Hooks(b -> b, c -> c);
  }

  /** The figures of one run. */
  record Result(Options options, Reconciler.Books books, Duration elapsed, int rotations, long refreshFailures,
      Map<String, Long> heapAfterGc, Map<String, Integer> threads, List<String> clientThreadsLeftReferenced,
      List<String> clientThreadsLeft, List<String> threadsLeft) {
    double callsPerSecond() {
      return books.calls() / (elapsed.toNanos() / 1e9);
    }
  }

  private final Options options;
  private final Hooks hooks;
  private final Map<String, Long> heap = new java.util.LinkedHashMap<>();
  private final Map<String, Integer> threadCounts = new java.util.LinkedHashMap<>();

  SoakRun(Options options, Hooks hooks) {
    this.options = options;
    this.hooks = hooks;
  }

  Result run() throws InterruptedException {
    List<String> baselineThreads = threadNames();
    threadCounts.put("before the sandbox", baselineThreads.size());
    Plan plan = new Plan(options.seed(), options.faultRate(), options.faults());
    // java.net.http resends an idempotent request once when its connection closes before any answer.
    Reconciler books = new Reconciler(plan, options.capacity(), 1, options.transport().equals("jdk"));
    AtomicLong tokens = new AtomicLong();
    LongAdder refreshFailures = new LongAdder();
    int rotations;
    int issued;
    Duration elapsed;
    List<String> clientLeft;
    List<String> clientLeftReferenced;
    WechatPaySandbox sandbox = WechatPaySandbox.builder().verification(options.verification()).start();
    try {
      sandbox.stub("POST", ORDER_PATH, request -> {
        Matcher m = OUT_TRADE_NO.matcher(request.bodyAsString());
        return answer(plan, books, tokens, m.find() ? Reconciler.idOf(m.group(1)) : -1, true);
      });
      sandbox.stub("GET", QUERY_PATH, request -> {
        String query = request.rawQuery();
        int id = query != null && query.startsWith("mchid=") ? Reconciler.idOf(query.substring(6)) : -1;
        return answer(plan, books, tokens, id, false);
      });
      threadCounts.put("before the client", threadCount());
      Driven driven = drive(sandbox, plan, books, tokens, refreshFailures, baselineThreads);
      issued = driven.issued();
      elapsed = driven.elapsed();
      rotations = driven.rotations();
      // The closed client is unreachable now: what its transport left running ends once it is collected.
      List<String> unreferenced = settle(baselineThreads, true, 10_000);
      threadCounts.put("after client close(), client collected", unreferenced.size());
      clientLeft = beyond(unreferenced, baselineThreads, true);
      clientLeftReferenced = driven.clientLeft();
      heap.put("after client close()", heapAfterGc());
    } finally {
      sandbox.close();
    }
    List<String> afterAll = settle(baselineThreads, false, 10_000);
    threadCounts.put("after sandbox close()", afterAll.size());
    List<String> left = beyond(afterAll, baselineThreads, false);
    return new Result(options, books.books(issued), elapsed, rotations, refreshFailures.sum(), heap, threadCounts,
        clientLeftReferenced, clientLeft, left);
  }

  /** What {@link #drive} did: calls issued, their time, rotations, and threads left after close(). */
  private record Driven(int issued, Duration elapsed, int rotations, List<String> clientLeft) {}

  /**
   * Builds the client, runs the calls, closes the client, and waits for its threads to end while it is still
   * referenced; the client is unreachable once this returns.
   */
  private Driven drive(WechatPaySandbox sandbox, Plan plan, Reconciler books, AtomicLong tokens,
      LongAdder refreshFailures, List<String> baselineThreads) throws InterruptedException {
    int rotations = 0;
    HttpTransport apache = options.transport().equals("apache")
        ? ApacheHttpTransport.builder().maxConnections(options.threads() * 2).build() : null;
    WechatPay.Builder builder = sandbox.clientBuilder().requestTimeout(options.timeout());
    if (options.verification() != SandboxVerification.PUBLIC_KEY) {
      builder.certificateRefreshInterval(options.refreshEvery())
          .onCertificateRefreshFailure(e -> refreshFailures.increment());
    }
    if (apache != null) {
      builder.transport(apache);
    }
    WechatPay wxpay = hooks.builder().apply(builder).build();
    Calls calls = hooks.calls().apply(Calls.of(wxpay, sandbox.mchid()));
    drain(sandbox, books);
    heap.put("start", heapAfterGc());

    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicIntegerArray current = new AtomicIntegerArray(options.threads());
    List<Thread> workers = new ArrayList<>();
    long started = System.nanoTime();
    long deadline = started + options.duration().toNanos();
    for (int w = 0; w < options.threads(); w++) {
      int worker = w;
      current.set(worker, -1);
      long lostAfter = options.timeout().plus(options.grace()).toMillis();
      Thread thread = new Thread(() -> work(calls, plan, books, next, stop, current, worker, lostAfter), "soak-" + w);
      thread.setDaemon(true);
      workers.add(thread);
      thread.start();
    }
    // This thread rotates, drains the sandbox's records, samples the heap, and watches the clock.
    long nextRotation = options.rotateEvery().isZero() ? Long.MAX_VALUE : started + options.rotateEvery().toNanos();
    long nextSample = options.sampleEvery().isZero() ? Long.MAX_VALUE : started + options.sampleEvery().toNanos();
    int peakThreads = 0;
    long stopAt = Long.MAX_VALUE;
    while (workers.stream().anyMatch(Thread::isAlive)) {
      long now = System.nanoTime();
      if (!stop.get() && (options.timed() ? now >= deadline : next.get() >= options.calls())) {
        stop.set(true);
        // Calls under way end within their timeout; those that do not by then are lost.
        stopAt = now + options.timeout().plus(options.grace()).toNanos();
      }
      if (now > stopAt) {
        break;
      }
      if (!stop.get() && now >= nextRotation) {
        // Listed at once, signing after two refreshes: every client refresh in between lists it.
        sandbox.rotateCertificate(options.refreshEvery().multipliedBy(2).plusSeconds(1));
        rotations++;
        nextRotation += options.rotateEvery().toNanos();
      }
      if (!stop.get() && now >= nextSample) {
        heap.put(Duration.ofNanos(now - started).toSeconds() + " s", heapAfterGc());
        nextSample += options.sampleEvery().toNanos();
      }
      drain(sandbox, books);
      peakThreads = Math.max(peakThreads, threadCount());
      Thread.sleep(200);
    }
    stop.set(true);
    long ended = System.nanoTime();
    for (int w = 0; w < options.threads(); w++) {
      int id = current.get(w);
      if (id >= 0) {
        books.lost(id, "its sync call never returned");
      }
    }
    int issued = Math.min(next.get(), books.capacity());
    books.closeBooks(issued);
    drain(sandbox, books);
    threadCounts.put("peak during the run", peakThreads);
    heap.put("end", heapAfterGc());

    wxpay.close();
    if (apache != null) {
      apache.close();
    }
    List<String> afterClose = settle(baselineThreads, true, 2_000);
    threadCounts.put("after client close()", afterClose.size());
    return new Driven(issued, Duration.ofNanos(ended - started), rotations,
        beyond(afterClose, baselineThreads, true));
  }

  private static void work(Calls calls, Plan plan, Reconciler books, AtomicInteger next, AtomicBoolean stop,
      AtomicIntegerArray current, int worker, long lostAfterMillis) {
    while (!stop.get()) {
      int id = next.getAndIncrement();
      if (id >= books.capacity()) {
        return;
      }
      current.set(worker, id);
      String text = Reconciler.idText(id);
      Object value = null;
      Throwable error = null;
      try {
        value = switch (plan.op(id)) {
          case ORDER -> calls.order(text);
          case QUERY -> calls.query(text);
          case ORDER_ASYNC -> await(calls.orderAsync(text), lostAfterMillis);
          case QUERY_ASYNC -> await(calls.queryAsync(text), lostAfterMillis);
        };
      } catch (LostException e) {
        current.set(worker, -1);
        books.lost(id, "its future did not complete in time");
        continue;
      } catch (Throwable e) {
        error = e;
      }
      current.set(worker, -1);
      books.ended(id, value, error);
    }
  }

  /** Thrown when an async call's future is not done by its deadline. */
  private static final class LostException extends Exception {
    private static final long serialVersionUID = 1L;

    LostException() {
      super(null, null, false, false);
    }
  }

  private static Object await(CompletableFuture<?> future, long lostAfterMillis) throws Throwable {
    try {
      // The client's own timeout ends every call well before this.
      return future.get(lostAfterMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new LostException();
    }
  }

  private StubResponse answer(Plan plan, Reconciler books, AtomicLong tokens, int id, boolean order) {
    if (id < 0 || id >= books.capacity()) {
      return StubResponse.error(400, "PARAM_ERROR", "soak: no call id");
    }
    long token = tokens.incrementAndGet();
    Fault fault = plan.fault(id);
    books.answered(id, token, fault);
    String text = Reconciler.idText(id);
    StubResponse answer = StubResponse.json(order
        ? "{\"prepay_id\":\"" + Reconciler.prepayId(id, token) + "\"}"
        : "{\"mchid\":\"" + text + "\",\"out_trade_no\":\"" + Reconciler.QUERY_OUT_TRADE_NO + "\",\"transaction_id\":\""
            + Reconciler.transactionId(token) + "\",\"trade_state\":\"SUCCESS\"}");
    return fault.apply(answer, plan.variant(id), options.timeout());
  }

  /** Counts what the sandbox received since the last drain, and forgets it, so that its log stays small. */
  private static void drain(WechatPaySandbox sandbox, Reconciler books) {
    for (RecordedRequest request : sandbox.takeRequests()) {
      if (request.rawPath().equals("/v3/certificates")) {
        books.certificateDownload();
        continue;
      }
      int id = -1;
      if (request.rawPath().equals(ORDER_PATH)) {
        Matcher m = OUT_TRADE_NO.matcher(request.bodyAsString());
        id = m.find() ? Reconciler.idOf(m.group(1)) : -1;
      } else if (request.rawPath().equals(QUERY_PATH) && request.rawQuery() != null
          && request.rawQuery().startsWith("mchid=")) {
        id = Reconciler.idOf(request.rawQuery().substring(6));
      }
      books.received(id, request.rejection());
    }
  }

  /**
   * Waits up to {@code millis}, with GCs (an unreachable JDK {@code HttpClient} ends its thread only once
   * collected), for the live threads to be the baseline's again, the sandbox's aside if {@code sandboxOpen};
   * returns them all.
   */
  private static List<String> settle(List<String> baseline, boolean sandboxOpen, long millis)
      throws InterruptedException {
    List<String> names = threadNames();
    for (long i = 0; i < millis / 200 && beyond(names, baseline, sandboxOpen).stream().anyMatch(n -> !singleton(n));
        i++) {
      System.gc();
      Thread.sleep(200);
      names = threadNames();
    }
    return names;
  }

  /**
   * Whether a thread is one a process starts once and keeps: the JDK's timer behind
   * {@code CompletableFuture.orTimeout}, a {@code Cleaner} (wxpay keeps one for all instances), the attach
   * listener of jstack. Reported, but not waited for.
   */
  private static boolean singleton(String name) {
    return name.equals("CompletableFutureDelayScheduler") || name.startsWith("Cleaner-")
        || name.equals("Attach Listener");
  }

  /** The threads not in the baseline (and not the sandbox's, if asked). */
  private static List<String> beyond(List<String> names, List<String> baseline, boolean sandboxAside) {
    List<String> left = new ArrayList<>(names);
    for (String name : baseline) {
      left.remove(name);
    }
    if (sandboxAside) {
      left.removeIf(name -> name.startsWith("wechatpay-sandbox-"));
    }
    return left;
  }

  static List<String> threadNames() {
    List<String> names = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      names.add(thread.getName());
    }
    names.sort(null);
    return names;
  }

  private static int threadCount() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Thread names with their numbers dropped, counted: what was left running, by kind. */
  static Map<String, Integer> byKind(List<String> names) {
    Map<String, Integer> kinds = new TreeMap<>();
    for (String name : names) {
      kinds.merge(name.replaceAll("\\d+", "#"), 1, Integer::sum);
    }
    return kinds;
  }
}
