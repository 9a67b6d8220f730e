/**
 * JMH micro-benchmarks: SHA256withRSA signing and verifying (JDK provider, Amazon Corretto Crypto Provider,
 * wxpay's {@code SignatureScheme}, the official SDK's signer), nonces, generated adapters, and the whole
 * client path on a fake transport (prepare + sign + "send" + verify + decode).
 *
 * <p>Run all of them, with bytes/op from the gc profiler (builds first; the runs take about 4 minutes):
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests exec:exec@jmh -Dexec.executable=java
 * </pre>
 * ({@code -Dexec.executable=java} only satisfies the other reactor modules, which skip exec.) Other JMH
 * arguments replace the default {@code dev.wxpay.benchmarks.micro -prof gc}, e.g.
 * {@code -Djmh.args="ClientPathBenchmark -prof gc -p provider=jdk"}. Iterations are short by default
 * (3 × 1 s warm-up, 5 × 1 s measured, one fork): on a small shared machine compare figures taken in one
 * run, side by side, not across runs.
 */
package dev.wxpay.benchmarks.micro;
