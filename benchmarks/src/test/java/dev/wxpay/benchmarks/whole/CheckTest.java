package dev.wxpay.benchmarks.whole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check that guards the benchmark: against the real server JVM, wxpay must pass and a client that skips
 * the answer's signature must be caught, so that it can never be reported as the fastest.
 */
class CheckTest {
  @TempDir Path keys;
  @TempDir Path out;

  @Test
  void catchesAClientThatDoesNotVerifyAndPassesWxpay() throws Exception {
    Fixture.writeKeys(keys);
    WholeCallBenchmark.Options options = WholeCallBenchmark.Options.parse(
        "--check", "--tls", "off", "--checks", "2", "--clients", "wxpay-jdk,bare-unverified", "--out", out.toString());
    List<WholeCallBenchmark.Verdict> verdicts;
    try (WholeCallBenchmark.Server server = WholeCallBenchmark.Server.start(keys, false, out)) {
      verdicts = WholeCallBenchmark.check(options, keys, server, "jdk", options.clients);
    }
    Map<String, WholeCallBenchmark.Verdict> byClient =
        verdicts.stream().collect(Collectors.toMap(WholeCallBenchmark.Verdict::client, Function.identity()));

    assertTrue(byClient.get("wxpay-jdk").passed(), byClient.get("wxpay-jdk").detail());
    WholeCallBenchmark.Verdict fake = byClient.get("bare-unverified");
    assertFalse(fake.passed(), fake.detail());
    // Caught for the right reason: its good call worked and the server did answer every bad call.
    assertTrue(fake.detail().contains("good call: ok"), fake.detail());
    assertTrue(fake.detail().contains("wrong key: 0/2 rejected"), fake.detail());
    assertTrue(fake.detail().contains("server answered 2+2"), fake.detail());
    assertEquals(1, WholeCallBenchmark.exitCode(verdicts));
    assertTrue(Files.exists(out.resolve("whole-call-logs")));
  }
}
