package dev.wxpay.benchmarks.whole;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Bytes allocated by every thread of the process during a window, without losing threads that end in it.
 *
 * <p>Figure 1, threads: {@code ThreadMXBean.getThreadAllocatedBytes} summed over all threads. JDK 17 forgets a
 * thread's count when it ends (JDK 21's getTotalThreadAllocatedBytes does not), so a sampler thread reads
 * every thread's count every {@value #SAMPLE_MS} ms and keeps the last value seen per thread; a thread that
 * ends in the window then loses at most its last {@value #SAMPLE_MS} ms, and the number of such threads is
 * reported. Threads born in the window count from 0. The sampler's own allocation is left out.
 *
 * <p>Figure 2, heap, as a cross-check that needs no threads at all: heap used at the end minus at the start,
 * plus what every collection in between freed (from the collectors' notifications). Exact up to the TLABs
 * handed out and not yet filled at either end (a few hundred KB per thread at most).
 */
final class AllocationMeter {
  private static final long SAMPLE_MS = 10;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final Map<Long, long[]> firstAndLast = new HashMap<>();
  private final AtomicLong freedByGc = new AtomicLong();
  private final NotificationListener listener = (notification, handback) -> {
    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      long before = info.getGcInfo().getMemoryUsageBeforeGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
      long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
      freedByGc.addAndGet(before - after);
    }
  };
  private final Thread sampler;
  private final long heapAtStart;
  private volatile boolean stopped;
  private long samplerId;

  record Result(long threadBytes, long heapBytes, int threadsEnded) {}

  private AllocationMeter() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
    }
    sampler = new Thread(this::sampleLoop, "allocation-sampler");
    sampler.setDaemon(true);
    samplerId = sampler.getId();
    heapAtStart = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    sample(true);
    sampler.start();
  }

  static AllocationMeter start() {
    return new AllocationMeter();
  }

  private void sampleLoop() {
    while (!stopped) {
      try {
        Thread.sleep(SAMPLE_MS);
      } catch (InterruptedException e) {
        return;
      }
      sample(false);
    }
  }

  /** Reads every live thread's count; at the start it sets the base, later threads start from 0. */
  private synchronized int sample(boolean first) {
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    int alive = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == samplerId || bytes[i] < 0) {
        continue;
      }
      alive++;
      long[] entry = firstAndLast.get(ids[i]);
      if (entry == null) {
        firstAndLast.put(ids[i], new long[] {first ? bytes[i] : 0, bytes[i], 1});
      } else {
        entry[1] = bytes[i];
        entry[2] = 1;
      }
    }
    return alive;
  }

  Result stop() throws InterruptedException {
    long heapAtEnd = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    stopped = true;
    sampler.interrupt();
    sampler.join();
    int ended;
    long total = 0;
    synchronized (this) {
      for (long[] entry : firstAndLast.values()) {
        entry[2] = 0;
      }
      sample(false);
      ended = 0;
      for (long[] entry : firstAndLast.values()) {
        total += entry[1] - entry[0];
        if (entry[2] == 0) {
          ended++;
        }
      }
    }
    // Notifications come on their own thread, shortly after each collection.
    Thread.sleep(100);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return new Result(total, heapAtEnd - heapAtStart + freedByGc.get(), ended);
  }
}
