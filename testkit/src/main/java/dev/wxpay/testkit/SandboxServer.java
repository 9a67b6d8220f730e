package dev.wxpay.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of one sandbox: an HTTP/1.1 server on 127.0.0.1, plain or TLS, that hands each request to a
 * {@link Handler} and writes its answer as WeChat Pay would, signed, with whatever faults the answer asks for
 * (a delay, a dropped connection, broken signature headers).
 *
 * <p>Hand-rolled on sockets rather than on the JDK's {@code HttpServer}, which rewrites header names
 * ({@code Wechatpay-timestamp}, {@code Request-id}) while clients in the wild look them up by exact case; and
 * rather than on an embeddable server library, which every user of the testkit would get on the test class
 * path (OkHttp's mockwebserver3 would also bring OkHttp 5 next to the official SDK's OkHttp 4). Header names
 * go out exactly as written here. A thread per connection, keep-alive, idle connections closed after 30 s as
 * the JDK's server did.
 */
final class SandboxServer implements AutoCloseable {
  private static final int IDLE_MILLIS = 30_000;
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  /** Decides the answer to one request. */
  @FunctionalInterface
  interface Handler {
    StubResponse answer(Http1.Request request);
  }

  private final SandboxKeys keys;
  private final Clock clock;
  private final SandboxRandom random;
  private final @Nullable SandboxTls tls;
  private final ServerSocket listener;
  private final ExecutorService connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final URI baseUri;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Binds the port (0 for a free one), with TLS if {@code tls} is given; {@link #start} serves. */
  SandboxServer(int port, SandboxKeys keys, Clock clock, SandboxRandom random, @Nullable SandboxTls tls)
      throws IOException {
    this.keys = keys;
    this.clock = clock;
    this.random = random;
    this.tls = tls;
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    this.listener = tls == null ? new ServerSocket(port, 128, loopback)
        : tls.serverContext().getServerSocketFactory().createServerSocket(port, 128, loopback);
    int bound = listener.getLocalPort();
    AtomicInteger threadNumber = new AtomicInteger();
    this.connections = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "wechatpay-sandbox-" + bound + "-" + threadNumber.incrementAndGet());
      // A sandbox a test forgot to close must not keep the JVM alive.
      thread.setDaemon(true);
      return thread;
    });
    this.baseUri = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + bound + "/");
  }

  /** {@code http://127.0.0.1:PORT/}, or {@code https://…} with TLS. */
  URI baseUri() {
    return baseUri;
  }

  /** The TLS setup, or null for plain HTTP. */
  @Nullable SandboxTls tls() {
    return tls;
  }

  void start(Handler handler) {
    Thread acceptor = new Thread(() -> accept(handler), "wechatpay-sandbox-" + listener.getLocalPort() + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept(Handler handler) {
    while (!closed.get()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (closed.get() || listener.isClosed()) {
          return;
        }
        // A passing failure (out of file descriptors, say): keep serving, without spinning.
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          return;
        }
        continue;
      }
      open.add(socket);
      try {
        connections.execute(() -> serve(socket, handler));
      } catch (RejectedExecutionException e) {
        // close() is under way.
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket, Handler handler) {
    try (socket) {
      // Else small writes wait on delayed ACKs, ~40 ms a call.
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(IDLE_MILLIS);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      boolean keepAlive = true;
      while (keepAlive && !closed.get()) {
        Http1.Request request;
        try {
          request = Http1.read(in, out);
        } catch (Http1.BadRequest e) {
          // Not WeChat Pay's application answering but its front end: unsigned, and the connection closed.
          write(out, "GET", e.status(), false, StubResponse.error(e.status(), "PARAM_ERROR", e.getMessage())
              .unsigned());
          out.flush();
          lingeringClose(socket, in);
          return;
        }
        if (request == null) {
          return;
        }
        StubResponse response;
        try {
          response = handler.answer(request);
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable e) {
          response = StubResponse.error(500, "SYSTEM_ERROR", "the sandbox failed: " + e);
        }
        keepAlive = request.keepAlive();
        if (!send(out, request.method(), keepAlive, response)) {
          return;
        }
        out.flush();
        if (!keepAlive) {
          // Pipelined bytes may still be unread; see lingeringClose.
          lingeringClose(socket, in);
          return;
        }
      }
    } catch (IOException e) {
      // The client went away, sent garbage TLS, or stayed idle too long; there is no one to answer.
    } catch (InterruptedException e) {
      // Closing the sandbox interrupts delayed responses.
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
    }
  }

  /**
   * Lets the client read an answer to a request the server stopped reading: closing with its unread bytes
   * still queued would reset the connection, and a reset can discard the answer before the client reads it.
   */
  private static void lingeringClose(Socket socket, InputStream in) {
    try {
      if (!(socket instanceof javax.net.ssl.SSLSocket)) {
        // The client sees the end of the answer and closes its side, which ends the drain below at once.
        socket.shutdownOutput();
      }
      socket.setSoTimeout(500);
      byte[] discard = new byte[8192];
      for (int total = 0; total < 256 * 1024; ) {
        int n = in.read(discard);
        if (n < 0) {
          return;
        }
        total += n;
      }
    } catch (IOException e) {
      // Timed out or reset: closing is all that is left.
    }
  }

  /** Sends an answer; false if it asks for the connection to be dropped instead (the caller closes it). */
  private boolean send(OutputStream out, String method, boolean keepAlive, StubResponse response)
      throws IOException, InterruptedException {
    Duration delay = response.delayDuration();
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    if (response.dropsConnection()) {
      // No status line: the caller closes the connection.
      return false;
    }
    write(out, method, response.status(), keepAlive, response);
    return true;
  }

  private void write(OutputStream out, String method, int status, boolean keepAlive, StubResponse response)
      throws IOException {
    byte[] body = response.tampersBody() ? response.tamperedBody() : response.body();
    // In the order WeChat Pay sends them, names spelled exactly as it does.
    List<Map.Entry<String, String>> headers = new ArrayList<>(12);
    headers.add(Map.entry("Date", HTTP_DATE.format(clock.instant())));
    String contentType = response.contentType();
    if (contentType != null) {
      headers.add(Map.entry("Content-Type", contentType));
    }
    boolean bodyless = status == 204 || status == 304 || status < 200;
    if (!bodyless) {
      headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
    }
    headers.add(Map.entry("Connection", keepAlive ? "keep-alive" : "close"));
    putUnlessDropped(headers, response, "Request-ID", random.hex(16));
    if (!response.isUnsigned()) {
      putSignature(headers, response, body);
    }
    StringBuilder head = new StringBuilder(1024)
        .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (Map.Entry<String, String> header : headers) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!bodyless && !method.equals("HEAD")) {
      out.write(body);
    }
  }

  /** The {@code Wechatpay-*} headers over the body sent, each fault of the response applied. */
  private void putSignature(List<Map.Entry<String, String>> headers, StubResponse response, byte[] sent) {
    AnswerSigner signer = keys.signer(response.isSignedWithCertificate());
    String timestamp = Long.toString(clock.instant().getEpochSecond() + response.timestampSkew().toSeconds());
    String nonce = random.hex(16);
    // A tampered body is sent but the stubbed one signed; a tampered signature covers the bytes sent.
    byte[] signed = response.tampersSignature() ? sent : response.body();
    String serial = response.serialOverride();
    putUnlessDropped(headers, response, "Wechatpay-Nonce", nonce);
    putUnlessDropped(headers, response, "Wechatpay-Signature", signer.signature(timestamp, nonce, signed,
        response.tampersSignature(), response.isSignTestProbe()));
    putUnlessDropped(headers, response, "Wechatpay-Timestamp", timestamp);
    putUnlessDropped(headers, response, "Wechatpay-Serial", serial != null ? serial : signer.serial());
    String signatureType = response.signatureTypeOverride();
    if (signatureType != null) {
      putUnlessDropped(headers, response, StubResponse.SIGNATURE_TYPE, signatureType);
    } else {
      // WeChat Pay names the signature type on every signed answer, RSA ones included (its 如何使用微信支付公钥验签
      // page shows Wechatpay-Signature-Type: WECHATPAY2-SHA256-RSA2048 last); the SM guide 国密指引 adds it too.
      putUnlessDropped(headers, response, StubResponse.SIGNATURE_TYPE, keys.algorithm().scheme());
    }
  }

  private static void putUnlessDropped(List<Map.Entry<String, String>> headers, StubResponse response, String name,
      String value) {
    if (!response.drops(name)) {
      headers.add(Map.entry(name, value));
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 417 -> "Expectation Failed";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      // The reason phrase may be empty (RFC 9112 section 4); clients read the code.
      default -> "";
    };
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Stops at once: no new connections, open ones closed, delayed responses abandoned; again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(listener);
      connections.shutdownNow();
      for (Socket socket : open) {
        closeQuietly(socket);
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing is all that was wanted.
    }
  }
}
