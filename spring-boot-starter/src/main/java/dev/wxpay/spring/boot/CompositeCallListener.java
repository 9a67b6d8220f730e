package dev.wxpay.spring.boot;

import dev.wxpay.runtime.CallListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Several listeners as the one a {@code WechatPay} takes. Each is told every event even when one before it
 * throws; the first failure is then rethrown (the others suppressed in it) for the runtime to log.
 */
final class CompositeCallListener implements CallListener {

  private final List<CallListener> delegates;

  CompositeCallListener(List<CallListener> delegates) {
    this.delegates = List.copyOf(delegates);
  }

  @Override
  public CallListener callStarted(Started event) {
    // Each delegate may answer with a listener of its own for this call (a tracer's span).
    List<CallListener> forThisCall = new ArrayList<>(delegates.size());
    RuntimeException failure = null;
    for (CallListener delegate : delegates) {
      try {
        forThisCall.add(delegate.callStarted(event));
      } catch (RuntimeException e) {
        forThisCall.add(delegate);
        failure = add(failure, e);
      }
    }
    rethrow(failure);
    return forThisCall.equals(delegates) ? this : new CompositeCallListener(forThisCall);
  }

  @Override
  public void attemptEnded(Attempt event) {
    each(delegate -> delegate.attemptEnded(event));
  }

  @Override
  public void callEnded(Ended event) {
    each(delegate -> delegate.callEnded(event));
  }

  private void each(Consumer<CallListener> step) {
    RuntimeException failure = null;
    for (CallListener delegate : delegates) {
      try {
        step.accept(delegate);
      } catch (RuntimeException e) {
        failure = add(failure, e);
      }
    }
    rethrow(failure);
  }

  private static RuntimeException add(@Nullable RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private static void rethrow(@Nullable RuntimeException failure) {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "CompositeCallListener" + delegates;
  }
}
