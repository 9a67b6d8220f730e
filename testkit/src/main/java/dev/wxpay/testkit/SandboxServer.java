package dev.wxpay.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of one sandbox: a server on 127.0.0.1 that hands each request to a {@link Handler} and writes
 * its answer as WeChat Pay would, signed, with whatever faults the answer asks for (a delay, a dropped
 * connection, broken signature headers).
 */
final class SandboxServer implements AutoCloseable {
  private static final int THREADS = 16;

  /** Decides the answer to one request. */
  @FunctionalInterface
  interface Handler {
    StubResponse answer(String method, URI target, Headers headers, byte[] body);
  }

  private final SandboxKeys keys;
  private final Clock clock;
  private final SandboxRandom random;
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUri;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Binds the port (0 for a free one); {@link #start} serves. */
  SandboxServer(int port, SandboxKeys keys, Clock clock, SandboxRandom random) throws IOException {
    this.keys = keys;
    this.clock = clock;
    this.random = random;
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    this.server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
    int bound = server.getAddress().getPort();
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "wechatpay-sandbox-" + bound + "-" + threadNumber.incrementAndGet());
      // A sandbox a test forgot to close must not keep the JVM alive.
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    this.baseUri = URI.create("http://127.0.0.1:" + bound + "/");
  }

  /** {@code http://127.0.0.1:PORT/}. */
  URI baseUri() {
    return baseUri;
  }

  void start(Handler handler) {
    server.createContext("/", exchange -> handle(exchange, handler));
    server.start();
  }

  private void handle(HttpExchange exchange, Handler handler) {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      send(exchange, handler.answer(exchange.getRequestMethod(), exchange.getRequestURI(),
          exchange.getRequestHeaders(), body));
    } catch (IOException e) {
      // The client went away; there is no one to answer.
    } catch (InterruptedException e) {
      // Closing the sandbox interrupts delayed responses.
      Thread.currentThread().interrupt();
    } finally {
      // Without a response sent, closing the exchange closes the connection: how dropConnection() works.
      exchange.close();
    }
  }

  private void send(HttpExchange exchange, StubResponse response) throws IOException, InterruptedException {
    Duration delay = response.delayDuration();
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    if (response.dropsConnection()) {
      // No status line: handle() closes the exchange, which closes the connection.
      return;
    }
    byte[] body = response.tampersBody() ? response.tamperedBody() : response.body();
    Headers headers = exchange.getResponseHeaders();
    putUnlessDropped(headers, response, "Request-ID", random.hex(16));
    if (!response.isUnsigned()) {
      putSignature(headers, response, body);
    }
    String contentType = response.contentType();
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    // -1 means no body; 0 would mean a chunked body of unknown length.
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The {@code Wechatpay-*} headers over the body sent, each fault of the response applied. */
  private void putSignature(Headers headers, StubResponse response, byte[] sent) {
    AnswerSigner signer = keys.signer(response.isSignedWithCertificate());
    String timestamp = Long.toString(clock.instant().getEpochSecond() + response.timestampSkew().toSeconds());
    String nonce = random.hex(16);
    // A tampered body is sent but the stubbed one signed; a tampered signature covers the bytes sent.
    byte[] signed = response.tampersSignature() ? sent : response.body();
    String serial = response.serialOverride();
    putUnlessDropped(headers, response, "Wechatpay-Timestamp", timestamp);
    putUnlessDropped(headers, response, "Wechatpay-Nonce", nonce);
    putUnlessDropped(headers, response, "Wechatpay-Serial", serial != null ? serial : signer.serial());
    putUnlessDropped(headers, response, "Wechatpay-Signature", signer.signature(timestamp, nonce, signed,
        response.tampersSignature(), response.isSignTestProbe()));
    String signatureType = response.signatureTypeOverride();
    if (signatureType != null) {
      putUnlessDropped(headers, response, StubResponse.SIGNATURE_TYPE, signatureType);
    } else if (keys.algorithm() == SandboxAlgorithm.SM2) {
      // WeChat Pay names the signature type on SM answers (国密指引: 新增HTTP头Wechatpay-Signature-Type).
      putUnlessDropped(headers, response, StubResponse.SIGNATURE_TYPE, keys.algorithm().scheme());
    }
  }

  private static void putUnlessDropped(Headers headers, StubResponse response, String name, String value) {
    if (!response.drops(name)) {
      headers.set(name, value);
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Stops at once, abandoning delayed responses; closing again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
