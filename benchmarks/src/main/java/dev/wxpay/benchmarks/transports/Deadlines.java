package dev.wxpay.benchmarks.transports;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon thread per transport that ends calls whose deadline passed; cancelled deadlines leave at once. */
final class Deadlines implements AutoCloseable {
  private final ScheduledThreadPoolExecutor scheduler;

  Deadlines(String name) {
    scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "bench-" + name + "-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
  }

  ScheduledFuture<?> schedule(Runnable expire, Duration after) {
    return scheduler.schedule(expire, after.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
