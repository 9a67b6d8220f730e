package dev.wxpay.benchmarks.whole;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The least a correct client does, written plainly: JDK HttpClient, JCA {@code SHA256withRSA}, a Moshi
 * adapter for the answer. With {@code verify} false it skips the answer's signature: the check's negative
 * control, never reported.
 */
public final class BareClient implements BenchClient {
  private static final String NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Setup setup;
  private final boolean verify;
  private final HttpClient http;
  private final URI uri;
  private final SecureRandom random = new SecureRandom();
  private final JsonAdapter<Request> requests;
  private final JsonAdapter<Answer> answers;

  public record Request(@Json(name = "stock_creator_mchid") String stockCreatorMchid) {}

  public record Answer(@Json(name = "stock_id") @Nullable String stockId,
      @Json(name = "restart_time") @Nullable String restartTime) {}

  BareClient(Setup setup, boolean verify) {
    this.setup = setup;
    this.verify = verify;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .proxy(HttpClient.Builder.NO_PROXY);
    if (setup.trust() != null) {
      builder.sslContext(setup.trust().context());
    }
    this.http = builder.build();
    this.uri = setup.baseUri().resolve(Fixture.PATH.substring(1));
    Moshi moshi = new Moshi.Builder().build();
    this.requests = moshi.adapter(Request.class);
    this.answers = moshi.adapter(Answer.class);
  }

  @Override
  public void call() throws Exception {
    String body = requests.toJson(new Request(Fixture.CREATOR_MCHID));
    long timestamp = Instant.now().getEpochSecond();
    String nonce = nonce();
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(setup.keys().merchantPrivate());
    signer.update(("POST\n" + Fixture.PATH + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n")
        .getBytes(StandardCharsets.UTF_8));
    String authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + Fixture.MCHID + "\",nonce_str=\"" + nonce
        + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + Fixture.MERCHANT_SERIAL + "\",signature=\""
        + Base64.getEncoder().encodeToString(signer.sign()) + "\"";
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    if (verify) {
      verify(response);
    }
    Answer answer = answers.fromJson(response.body());
    BenchClient.expectStock(answer == null ? null : answer.stockId());
  }

  private void verify(HttpResponse<String> response) throws GeneralSecurityException {
    String timestamp = header(response, "Wechatpay-Timestamp");
    String nonce = header(response, "Wechatpay-Nonce");
    String signature = header(response, "Wechatpay-Signature");
    if (!Fixture.PUBLIC_KEY_ID.equals(header(response, "Wechatpay-Serial"))) {
      throw new SecurityException("answer signed by an unknown key");
    }
    if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
      throw new SecurityException("answer timestamp too far off");
    }
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(setup.keys().platformPublic());
    verifier.update((timestamp + "\n" + nonce + "\n" + response.body() + "\n").getBytes(StandardCharsets.UTF_8));
    if (!verifier.verify(Base64.getDecoder().decode(signature))) {
      throw new SecurityException("answer signature does not verify");
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new SecurityException("answer lacks " + name));
  }

  private String nonce() {
    char[] out = new char[32];
    for (int i = 0; i < out.length; i++) {
      out[i] = NONCE_CHARS.charAt(random.nextInt(NONCE_CHARS.length()));
    }
    return new String(out);
  }
}
