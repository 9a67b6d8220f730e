package dev.wxpay.benchmarks.transports;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The shoot-out's server, run in its own JVM so that its CPU is not the client's: answers every request with
 * the same order-query JSON, signed as WeChat Pay signs (one signature per second, as the timestamp changes).
 * Arguments: the WeChat Pay private key file (PKCS#8, Base64), then a PKCS#12 key store for HTTPS or "plain".
 * Prints its port on the first line of standard output.
 */
public final class SignedAnswerServer {
  static final String KEY_ID = "PUB_KEY_ID_0119000000012025";
  static final byte[] BODY = ("{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000001\",\"out_trade_no\":"
      + "\"1217752501201407033233368018\",\"transaction_id\":\"1217752501201407033233368018\",\"trade_type\":"
      + "\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMC\","
      + "\"success_time\":\"2018-06-08T10:34:56+08:00\",\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
      + "\"amount\":{\"total\":100,\"payer_total\":100,\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}")
      .getBytes(StandardCharsets.UTF_8);

  private record Signed(long second, String timestamp, String nonce, String signature) {}

  private static volatile Signed signed = new Signed(-1, "", "", "");

  private SignedAnswerServer() {}

  public static void main(String[] args) throws Exception {
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(Path.of(args[0])).strip())));
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    HttpServer server;
    if (args[1].equals("plain")) {
      server = HttpServer.create(address, 128);
    } else {
      HttpsServer https = HttpsServer.create(address, 128);
      https.setHttpsConfigurator(new HttpsConfigurator(serverContext(Path.of(args[1]))));
      server = https;
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> answer(exchange, key));
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
    // Ends when the parent closes our standard input.
    while (System.in.read() >= 0) {
      // Nothing to read.
    }
    server.stop(0);
    System.exit(0);
  }

  private static void answer(HttpExchange exchange, PrivateKey key) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
      Signed s = current(key);
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Type", "application/json");
      headers.set("Request-ID", "08F78BB5AF0610D3D7BD0B2C3A8B2E15");
      headers.set("Wechatpay-Timestamp", s.timestamp);
      headers.set("Wechatpay-Nonce", s.nonce);
      headers.set("Wechatpay-Signature", s.signature);
      headers.set("Wechatpay-Serial", KEY_ID);
      exchange.sendResponseHeaders(200, BODY.length);
      exchange.getResponseBody().write(BODY);
    }
  }

  private static Signed current(PrivateKey key) {
    long second = System.currentTimeMillis() / 1000;
    Signed s = signed;
    if (s.second == second) {
      return s;
    }
    try {
      String timestamp = Long.toString(second);
      String nonce = "n" + Long.toHexString(System.nanoTime());
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
      signature.update(BODY);
      signature.update((byte) '\n');
      s = new Signed(second, timestamp, nonce, Base64.getEncoder().encodeToString(signature.sign()));
      signed = s;
      return s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext serverContext(Path keyStore) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keyStore.toFile())) {
      store.load(in, TransportShootout.STORE_PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, TransportShootout.STORE_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
