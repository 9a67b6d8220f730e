package dev.wxpay.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;

/**
 * Timestamps of a child's phases, printed when it is done. Each phase also loads its own marker class, so
 * that a {@code -Xlog:class+load} log shows where each phase ends (StartupBenchmark counts classes between).
 */
final class Phases {
  private final long start = System.nanoTime();
  private long last = start;
  private final List<String> lines = new ArrayList<>();

  /** Ends a phase: its name, and the marker class whose loading marks the spot in a class-load log. */
  void end(String name, Class<?> marker) {
    long now = System.nanoTime();
    lines.add("phase " + name + " " + (now - last) + " " + marker.getSimpleName());
    last = now;
  }

  /** Prints the phases and then "done", the line the parent waits for. */
  void done() {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line).append('\n');
    }
    out.append("main ").append(System.nanoTime() - start).append('\n').append("done\n");
    System.out.print(out);
    System.out.flush();
  }

  // Marker classes: empty, each loaded once, by its class literal.
  static final class M1 {}
  static final class M2 {}
  static final class M3 {}
  static final class M4 {}
  static final class M5 {}
  static final class M6 {}
  static final class M7 {}
  static final class M8 {}
  static final class M9 {}
  static final class M10 {}
  static final class M11 {}
  static final class M12 {}
}
