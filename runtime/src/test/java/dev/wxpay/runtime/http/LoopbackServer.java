package dev.wxpay.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP/1.1 server on a loopback socket that records each request as it arrived on the wire (header
 * names in their case and order, body bytes) and lets a test write the answer byte for byte. Keep-alive:
 * a connection serves requests until the client closes it, which the test can wait for. Requests with
 * a chunked body are not understood: the contract forbids a transport to add {@code Transfer-Encoding}.
 */
public final class LoopbackServer implements AutoCloseable {
  /** Writes the answer to one request; returning without writing leaves the client waiting. */
  @FunctionalInterface
  public interface Handler {
    void answer(Recorded request, OutputStream out) throws IOException, InterruptedException;
  }

  /** One request as the server read it. */
  public record Recorded(String method, String target, List<String> headerLines, byte[] body) {
    /** Header names and values alternating, as received. */
    public List<String[]> headers() {
      List<String[]> out = new ArrayList<>();
      for (String line : headerLines) {
        int colon = line.indexOf(':');
        out.add(new String[] {line.substring(0, colon), line.substring(colon + 1).strip()});
      }
      return out;
    }

    /** The first value of a header, its name compared case-insensitively. */
    public @Nullable String header(String name) {
      for (String[] h : headers()) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }
  }

  private final ServerSocket socket;
  private final Handler handler;
  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  // One entry per connection the client closed (EOF or reset seen by a read or a write).
  private final BlockingQueue<Long> closedByClient = new LinkedBlockingQueue<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public LoopbackServer(Handler handler) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.handler = handler;
    this.acceptor = new Thread(this::accept, "loopback-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code http://127.0.0.1:port/}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The next request received, waiting up to {@code seconds}; null if none came. */
  public @Nullable Recorded takeRequest(long seconds) throws InterruptedException {
    return requests.poll(seconds, TimeUnit.SECONDS);
  }

  /** Whether the client closed a connection within {@code millis}. */
  public boolean awaitClientClose(long millis) throws InterruptedException {
    return closedByClient.poll(millis, TimeUnit.MILLISECONDS) != null;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        open.add(connection);
        Thread serving = new Thread(() -> serve(connection), "loopback-server-connection");
        serving.setDaemon(true);
        serving.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = connection.getInputStream();
      OutputStream out = connection.getOutputStream();
      while (true) {
        Recorded request = read(in);
        if (request == null) {
          closedByClient.add(System.nanoTime());
          return;
        }
        requests.add(request);
        handler.answer(request, out);
        out.flush();
      }
    } catch (SocketException e) {
      // A reset or a write to a connection the client dropped: it closed it.
      if (!socket.isClosed()) {
        closedByClient.add(System.nanoTime());
      }
    } catch (IOException | InterruptedException e) {
      // The test is over.
    } finally {
      open.remove(connection);
    }
  }

  /** Reads one request; null at a clean end of the stream before it. */
  private static @Nullable Recorded read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null) {
      return null;
    }
    List<String> headers = new ArrayList<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      headers.add(line);
    }
    int length = 0;
    for (String h : headers) {
      if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(h.substring(15).strip());
      }
    }
    byte[] body = in.readNBytes(length);
    String[] parts = requestLine.split(" ", 3);
    return new Recorded(parts[0], parts[1], List.copyOf(headers), body);
  }

  private static @Nullable String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
    acceptor.interrupt();
  }
}
