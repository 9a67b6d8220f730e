package dev.wxpay.benchmarks.whole;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The loopback WeChat Pay the clients call, in its own JVM: {@code POST /v3/marketing/favor/stocks/9856000/restart}
 * only. Hand-rolled HTTP/1.1 with keep-alive (a thread per connection, Content-Length bodies), because the
 * JDK's {@code HttpServer} rewrites header names and the official SDK looks its headers up by exact case.
 *
 * <p>Each request's {@code Authorization} is verified with the merchant public key (401 otherwise); answers
 * are signed as WeChat Pay signs them in public-key mode. One listener per mode: {@code good};
 * {@code bad-signature} signs with a key no client has; {@code tampered-body} sends the real body with the
 * signature of another one. The server signs once per second (a fresh nonce with each new timestamp) rather
 * than per answer, so that its own RSA signing, not the subject here, takes little of the shared CPUs.
 *
 * <p>Arguments: {@code KEYS_DIR tls=on|off MODE...}. It prints {@code LISTEN mode port} per mode, {@code CERT
 * path} with TLS, then {@code READY}; with a mode other than {@code good} it prints {@code ANSWERED mode}
 * before each 200 answer, so that a check can tell a rejected answer from a call that never got one. It
 * exits when its standard input closes, i.e. with the JVM that started it.
 */
public final class BenchServer {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final String AUTH_SCHEME = "WECHATPAY2-SHA256-RSA2048 ";
  private static final long MAX_SKEW_SECONDS = 300;

  private final String mode;
  private final PublicKey merchantPublic;
  private final PrivateKey answerKey;
  private final byte[] answer = Fixture.ANSWER.getBytes(StandardCharsets.UTF_8);
  private final String signedBody;
  private final SecureRandom random = new SecureRandom();
  private final AtomicReference<Signed> signed = new AtomicReference<>(new Signed(-1, "", ""));
  private final AtomicLong requestIds = new AtomicLong();
  private final ServerSocket socket;

  private record Signed(long timestamp, String nonce, String signature) {}

  private BenchServer(String mode, Path keys, ServerSocket socket) throws IOException, GeneralSecurityException {
    this.mode = mode;
    this.socket = socket;
    this.merchantPublic = Fixture.publicKey(keys, Fixture.MERCHANT_PUBLIC);
    this.answerKey = Fixture.privateKey(keys, mode.equals("bad-signature") ? Fixture.WRONG_PRIVATE : Fixture.PLATFORM_PRIVATE);
    this.signedBody = mode.equals("tampered-body") ? Fixture.OTHER_ANSWER : Fixture.ANSWER;
    if (!List.of("good", "bad-signature", "tampered-body").contains(mode)) {
      throw new IllegalArgumentException("unknown mode " + mode);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: BenchServer KEYS_DIR tls=on|off MODE...");
    }
    Path keys = Path.of(args[0]);
    boolean tls = args[1].equals("tls=on");
    SSLContext ssl = tls ? selfSigned(keys) : null;
    List<BenchServer> servers = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      ServerSocket socket = ssl != null
          ? ssl.getServerSocketFactory().createServerSocket(0, 128, InetAddress.getLoopbackAddress())
          : new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
      BenchServer server = new BenchServer(args[i], keys, socket);
      servers.add(server);
      System.out.println("LISTEN " + args[i] + " " + socket.getLocalPort());
    }
    for (BenchServer server : servers) {
      Thread acceptor = new Thread(server::accept, "accept-" + server.mode);
      acceptor.setDaemon(true);
      acceptor.start();
    }
    System.out.println("READY");
    System.out.flush();
    // Live as long as the parent: its end closes our standard input.
    while (System.in.read() >= 0) {
      // ignore
    }
    System.exit(0);
  }

  /** A fresh key and self-signed certificate for 127.0.0.1 and localhost, its PEM written beside the keys. */
  private static SSLContext selfSigned(Path keys) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=localhost");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), name, pair.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
    X509Certificate certificate = new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    Path pem = keys.resolve("server-" + ProcessHandle.current().pid() + ".pem");
    Fixture.write(pem, "CERTIFICATE", certificate.getEncoded());
    System.out.println("CERT " + pem);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "bench".toCharArray();
    store.setKeyEntry("server", pair.getPrivate(), password, new X509Certificate[] {certificate});
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    return context;
  }

  private void accept() {
    while (true) {
      try {
        Socket connection = socket.accept();
        connection.setTcpNoDelay(true); // else the clients' small writes wait on delayed ACKs, ~40 ms a call
        Thread thread = new Thread(() -> serve(connection), "conn-" + mode);
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        System.err.println("accept failed: " + e);
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 16 * 1024);
      Signature verifier = Signature.getInstance("SHA256withRSA");
      Signature signer = Signature.getInstance("SHA256withRSA");
      while (true) {
        String requestLine = line(in);
        if (requestLine == null) {
          return;
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
          int colon = header.indexOf(':');
          if (colon > 0) {
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
          }
        }
        String length = headers.get("content-length");
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
          return;
        }
        boolean close = "close".equalsIgnoreCase(headers.get("connection"));
        handle(parts[0], parts[1], headers, body, out, verifier, signer);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(String method, String target, Map<String, String> headers, byte[] body, OutputStream out,
      Signature verifier, Signature signer) throws IOException, GeneralSecurityException {
    if (!method.equals("POST") || !target.equals(Fixture.PATH)) {
      respond(out, 404, null, "{\"code\":\"NOT_FOUND\",\"message\":\"no such operation\"}");
      return;
    }
    String problem = checkAuthorization(method, target, headers.get("authorization"), body, verifier);
    if (problem == null && !new String(body, StandardCharsets.UTF_8).contains(
        "\"stock_creator_mchid\":\"" + Fixture.CREATOR_MCHID + "\"")) {
      problem = "body lacks stock_creator_mchid";
    }
    if (problem != null) {
      respond(out, 401, null, "{\"code\":\"SIGN_ERROR\",\"message\":\"" + problem + "\"}");
      return;
    }
    if (!mode.equals("good")) {
      synchronized (System.out) {
        System.out.println("ANSWERED " + mode);
        System.out.flush();
      }
    }
    respond(out, 200, signature(signer), null);
  }

  /** Why the request's signature is not acceptable, or null if it is. */
  private static String checkAuthorizationFields(Map<String, String> fields) {
    for (String field : List.of("mchid", "nonce_str", "timestamp", "serial_no", "signature")) {
      if (fields.get(field) == null) {
        return "Authorization lacks " + field;
      }
    }
    if (!fields.get("mchid").equals(Fixture.MCHID)) {
      return "unknown mchid";
    }
    if (!fields.get("serial_no").equals(Fixture.MERCHANT_SERIAL)) {
      return "unknown serial_no";
    }
    return null;
  }

  private String checkAuthorization(String method, String target, String authorization, byte[] body,
      Signature verifier) throws GeneralSecurityException {
    if (authorization == null || !authorization.startsWith(AUTH_SCHEME)) {
      return "no WECHATPAY2-SHA256-RSA2048 Authorization";
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : authorization.substring(AUTH_SCHEME.length()).split(",")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String value = pair.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        fields.put(pair.substring(0, equals).trim(), value);
      }
    }
    String problem = checkAuthorizationFields(fields);
    if (problem != null) {
      return problem;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(fields.get("timestamp"));
    } catch (NumberFormatException e) {
      return "bad timestamp";
    }
    if (Math.abs(Instant.now().getEpochSecond() - timestamp) > MAX_SKEW_SECONDS) {
      return "timestamp too far off";
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(fields.get("signature"));
    } catch (IllegalArgumentException e) {
      return "signature is not Base64";
    }
    verifier.initVerify(merchantPublic);
    verifier.update((method + "\n" + target + "\n" + timestamp + "\n" + fields.get("nonce_str") + "\n")
        .getBytes(StandardCharsets.UTF_8));
    verifier.update(body);
    verifier.update((byte) '\n');
    return verifier.verify(signature) ? null : "signature does not verify";
  }

  /** The answer's signature for this second, made by whichever connection first needs it. */
  private Signed signature(Signature signer) throws GeneralSecurityException {
    long now = Instant.now().getEpochSecond();
    Signed current = signed.get();
    if (current.timestamp() == now) {
      return current;
    }
    byte[] nonceBytes = new byte[16];
    random.nextBytes(nonceBytes);
    String nonce = String.format("%032X", new BigInteger(1, nonceBytes));
    signer.initSign(answerKey);
    signer.update((now + "\n" + nonce + "\n" + signedBody + "\n").getBytes(StandardCharsets.UTF_8));
    Signed fresh = new Signed(now, nonce, Base64.getEncoder().encodeToString(signer.sign()));
    signed.set(fresh);
    return fresh;
  }

  private void respond(OutputStream out, int status, Signed signed, String error) throws IOException {
    byte[] body = error == null ? answer : error.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(512)
        .append("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : status == 401 ? " Unauthorized" : " Not Found")
        .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length)
        .append("\r\nRequest-ID: 08F78BB5AF0610D302").append(Long.toHexString(requestIds.incrementAndGet()));
    if (signed != null) {
      head.append("\r\nWechatpay-Timestamp: ").append(signed.timestamp())
          .append("\r\nWechatpay-Nonce: ").append(signed.nonce())
          .append("\r\nWechatpay-Signature: ").append(signed.signature())
          .append("\r\nWechatpay-Serial: ").append(Fixture.PUBLIC_KEY_ID);
    }
    head.append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
  }

  /** One line without its CRLF, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (previous == CRLF[0] && b == CRLF[1]) {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      previous = b;
    }
  }
}
