package dev.wxpay.benchmarks.startup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A loopback WeChat Pay for the start-up measurement, in its own JVM: checks each request's
 * {@code Authorization} signature with the merchant's public key (401 otherwise) and answers
 * {@code {"prepay_id":…}} signed like WeChat Pay in public-key mode. Header names keep their case (the
 * official SDK compares them exactly), TCP_NODELAY is set, connections are kept alive. Prints its port.
 *
 * <p>Arguments: the directory with {@code merchant.pub.der} and {@code platform.key.der}.
 */
public final class StartupServer {
  static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000012025";
  static final String ANSWER = "{\"prepay_id\":\"wx201410272009395522657a690389285100\"}";

  private final PublicKey merchant;
  private final PrivateKey platform;
  private final SecureRandom random = new SecureRandom();

  private StartupServer(PublicKey merchant, PrivateKey platform) {
    this.merchant = merchant;
    this.platform = platform;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    StartupServer server = new StartupServer(
        rsa.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(dir.resolve("merchant.pub.der")))),
        rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve("platform.key.der")))));
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("port " + socket.getLocalPort());
      System.out.flush();
      while (true) {
        Socket connection = socket.accept();
        connection.setTcpNoDelay(true);
        Thread thread = new Thread(() -> server.serve(connection));
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  private void serve(Socket connection) {
    try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream()) {
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
          int colon = header.indexOf(':');
          headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        String length = headers.get("Content-Length");
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        String[] parts = requestLine.split(" ");
        boolean signed = checkSignature(parts[0], parts[1], headers.get("Authorization"), body);
        respond(out, signed ? 200 : 401, signed ? ANSWER
            : "{\"code\":\"SIGN_ERROR\",\"message\":\"signature does not verify\"}");
      }
    } catch (IOException | GeneralSecurityException e) {
      // The client went away.
    }
  }

  private boolean checkSignature(String method, String url, String authorization, byte[] body)
      throws GeneralSecurityException {
    String prefix = "WECHATPAY2-SHA256-RSA2048 ";
    if (authorization == null || !authorization.startsWith(prefix)) {
      return false;
    }
    Map<String, String> fields = new TreeMap<>();
    for (String part : authorization.substring(prefix.length()).split(",")) {
      int eq = part.indexOf('=');
      fields.put(part.substring(0, eq).trim(), part.substring(eq + 2, part.length() - 1));
    }
    String message = method + "\n" + url + "\n" + fields.get("timestamp") + "\n" + fields.get("nonce_str")
        + "\n" + new String(body, StandardCharsets.UTF_8) + "\n";
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(merchant);
    verifier.update(message.getBytes(StandardCharsets.UTF_8));
    try {
      return verifier.verify(Base64.getDecoder().decode(fields.getOrDefault("signature", "")));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  private void respond(OutputStream out, int status, String json) throws IOException, GeneralSecurityException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    String nonce = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(platform);
    signer.update((timestamp + "\n" + nonce + "\n" + json + "\n").getBytes(StandardCharsets.UTF_8));
    String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Unauthorized") + "\r\n"
        + "Content-Type: application/json; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Request-ID: 08F78BB5AF0610D302A2A4BE0F10\r\n"
        + "Wechatpay-Nonce: " + nonce + "\r\n"
        + "Wechatpay-Signature: " + Base64.getEncoder().encodeToString(signer.sign()) + "\r\n"
        + "Wechatpay-Timestamp: " + timestamp + "\r\n"
        + "Wechatpay-Serial: " + PUBLIC_KEY_ID + "\r\n"
        + "Wechatpay-Signature-Type: WECHATPAY2-SHA256-RSA2048\r\n"
        + "Connection: keep-alive\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
