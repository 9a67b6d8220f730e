package dev.wxpay.spring.boot;

import dev.wxpay.runtime.CallListener;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Several {@link CallListener}s as one, for the builder's single listener. Each hears every event even when one
 * before it throws: the first failure is thrown after all have heard (the runtime then logs it and the call goes
 * on), so a listener with a bug costs no other listener its events, nor the metrics theirs.
 */
final class CompositeCallListener implements CallListener {
  private final CallListener[] delegates;
  // A delegate's callStarted failure, thrown from this call's callEnded, as callStarted must return.
  private final @Nullable RuntimeException startFailure;

  private CompositeCallListener(CallListener[] delegates, @Nullable RuntimeException startFailure) {
    this.delegates = delegates;
    this.startFailure = startFailure;
  }

  /** The listeners as one; null if there are none, the listener itself if there is one. */
  static @Nullable CallListener of(List<CallListener> listeners) {
    if (listeners.isEmpty()) {
      return null;
    }
    if (listeners.size() == 1) {
      return listeners.get(0);
    }
    return new CompositeCallListener(listeners.toArray(new CallListener[0]), null);
  }

  @Override
  public CallListener callStarted(Started event) {
    // Most listeners answer themselves: then this one serves the call too, and nothing is allocated. A
    // delegate that answers null or throws hears no more of the call, as the runtime does with one listener.
    CallListener[] forCall = null;
    int count = 0;
    RuntimeException failure = null;
    for (CallListener delegate : delegates) {
      CallListener started = null;
      try {
        started = delegate.callStarted(event);
      } catch (RuntimeException e) {
        failure = add(failure, e);
      }
      if (forCall == null && started == delegate) {
        count++;
        continue;
      }
      if (forCall == null) {
        forCall = Arrays.copyOf(delegates, delegates.length); // the first count entries are those so far
      }
      if (started != null) {
        forCall[count++] = started;
      }
    }
    return forCall == null ? this : new CompositeCallListener(Arrays.copyOf(forCall, count), failure);
  }

  @Override
  public void attemptEnded(Attempt event) {
    RuntimeException failure = null;
    for (CallListener delegate : delegates) {
      try {
        delegate.attemptEnded(event);
      } catch (RuntimeException e) {
        failure = add(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void callEnded(Ended event) {
    RuntimeException failure = startFailure;
    for (CallListener delegate : delegates) {
      try {
        delegate.callEnded(event);
      } catch (RuntimeException e) {
        failure = add(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException add(@Nullable RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    if (first != next) {
      first.addSuppressed(next);
    }
    return first;
  }

  @Override
  public String toString() {
    return "CompositeCallListener" + Arrays.toString(delegates);
  }
}
