package dev.wxpay.testkit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds the notifications (callbacks) of one sandbox as WeChat Pay sends them, and posts them. Thread-safe. */
final class Notifications {
  private final SandboxKeys keys;
  private final SandboxRandom random;
  private final Clock clock;
  /** Made on the first post; most sandboxes never post. */
  private volatile @Nullable HttpClient client;

  Notifications(SandboxKeys keys, SandboxRandom random, Clock clock) {
    this.keys = keys;
    this.random = random;
    this.clock = clock;
  }

  /** See {@link WechatPaySandbox#notification(String, String, String, String)}. */
  SandboxNotification build(String eventType, String summary, String resourceJson, String originalType) {
    String nonce = random.alphanumeric(12);
    String ciphertext = keys.encrypt(nonce, originalType, resourceJson.getBytes(StandardCharsets.UTF_8));
    String body = SandboxJson.write(SandboxJson.object(
        "id", UUID.randomUUID().toString(),
        "create_time", SandboxJson.time(clock.instant()),
        "resource_type", "encrypt-resource",
        "event_type", eventType,
        "summary", summary,
        "resource", SandboxJson.object(
            "original_type", originalType,
            "algorithm", keys.algorithm().aeadAlgorithm(),
            "ciphertext", ciphertext,
            "associated_data", originalType,
            "nonce", nonce)));
    return new SandboxNotification(body.getBytes(StandardCharsets.UTF_8), clock.instant().getEpochSecond(),
        random.hex(16), keys.algorithm().scheme(), keys.signer(false));
  }

  /** See {@link WechatPaySandbox#postNotification(URI, SandboxNotification)}. */
  int post(URI url, SandboxNotification notification) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", StubResponse.JSON)
        .header("User-Agent", "Mozilla/4.0")
        .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()));
    notification.headers().forEach(request::header);
    try {
      return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot post the notification to " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted posting a notification to " + url));
    }
  }

  private HttpClient client() {
    HttpClient existing = client;
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      HttpClient made = client;
      if (made == null) {
        made = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        client = made;
      }
      return made;
    }
  }
}
