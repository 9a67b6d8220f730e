package dev.wxpay.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Every request one sandbox received, in order of arrival. Thread-safe. */
final class RequestLog {
  private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();

  void add(RecordedRequest request) {
    requests.addLast(request);
  }

  List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  /** The request received last; throws IllegalStateException if there is none. */
  RecordedRequest last() {
    RecordedRequest last = requests.peekLast();
    if (last == null) {
      throw new IllegalStateException("the sandbox has received no request");
    }
    return last;
  }

  /** Every request so far, forgotten. */
  List<RecordedRequest> take() {
    List<RecordedRequest> taken = new ArrayList<>();
    // Polling one by one loses nothing to requests that arrive meanwhile.
    for (RecordedRequest request; (request = requests.pollFirst()) != null; ) {
      taken.add(request);
    }
    return List.copyOf(taken);
  }

  void clear() {
    requests.clear();
  }
}
