package dev.wxpay.benchmarks.soak;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides, from a seed and a call's id alone, which operation the call makes and which fault its answer
 * gets, so that the sandbox's stub and the reconciler agree without sharing anything but the id.
 */
final class Plan {
  /** The operations calls make: an order (POST, id in the body) or a query (GET, id in the query), sync or async. */
  enum Op {
    ORDER, ORDER_ASYNC, QUERY, QUERY_ASYNC
  }

  private static final Op[] OPS = Op.values();

  private final long seed;
  private final double faultRate;
  private final Fault[] kinds;

  Plan(long seed, double faultRate, List<Fault> kinds) {
    if (faultRate < 0 || faultRate > 1) {
      throw new IllegalArgumentException("the fault rate must be from 0 to 1, was " + faultRate);
    }
    if (faultRate > 0 && kinds.isEmpty()) {
      throw new IllegalArgumentException("a fault rate above 0 needs fault kinds");
    }
    this.seed = seed;
    this.faultRate = faultRate;
    this.kinds = kinds.toArray(Fault[]::new);
  }

  private SplittableRandom random(int id) {
    return new SplittableRandom(seed ^ (id * 0x9E3779B97F4A7C15L));
  }

  Op op(int id) {
    return OPS[random(id).nextInt(OPS.length)];
  }

  Fault fault(int id) {
    SplittableRandom random = random(id);
    random.nextInt(OPS.length);
    return random.nextDouble() < faultRate ? kinds[random.nextInt(kinds.length)] : Fault.NONE;
  }

  /** 0 or 1: which of a fault's equivalent forms this call gets (see {@link Fault#apply}). */
  int variant(int id) {
    return (id >>> 1) & 1;
  }
}
