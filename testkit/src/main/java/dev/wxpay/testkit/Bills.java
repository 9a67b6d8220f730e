package dev.wxpay.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The bills one sandbox serves: a bill request answers a hash and a download URL with a token;
 * {@code GET /v3/billdownload/file} serves the file for a token, unsigned. Thread-safe.
 */
final class Bills {
  static final String DOWNLOAD_PATH = "/v3/billdownload/file";

  private final SandboxCrypto crypto;
  private final SandboxRandom random;
  private final URI baseUri;
  private final ConcurrentHashMap<String, SandboxBill> byPath = new ConcurrentHashMap<>();
  /** The content each download token serves, uncompressed. */
  private final ConcurrentHashMap<String, byte[]> byToken = new ConcurrentHashMap<>();

  Bills(SandboxCrypto crypto, SandboxRandom random, URI baseUri) {
    this.crypto = crypto;
    this.random = random;
    this.baseUri = baseUri;
  }

  void put(String requestPath, SandboxBill bill) {
    byPath.put(Stubs.checkPath(requestPath), bill);
  }

  /** Forgets every bill, and the download tokens handed out for them. */
  void clear() {
    byPath.clear();
    byToken.clear();
  }

  /** The answer to a {@code GET} of this raw path: a bill request, a download, or null for neither. */
  @Nullable Function<RecordedRequest, StubResponse> answerFor(String rawPath) {
    if (rawPath.equals(DOWNLOAD_PATH)) {
      return this::download;
    }
    SandboxBill bill = byPath.get(rawPath);
    return bill == null ? null : request -> billAnswer(bill, request);
  }

  private StubResponse billAnswer(SandboxBill bill, RecordedRequest request) {
    boolean gzip = "GZIP".equals(request.queryParameters().get("tar_type"));
    String hashType = Objects.requireNonNullElse(bill.hashTypeOverride(), crypto.algorithm().hashType());
    String hash = crypto.hashHex(hashType, bill.content());
    String token = random.alphanumeric(32);
    byToken.put(token, bill.served());
    String url = baseUri + DOWNLOAD_PATH.substring(1) + "?token=" + token + (gzip ? "&tartype=gzip" : "");
    return StubResponse.json(SandboxJson.write(
        SandboxJson.object("hash_type", hashType, "hash_value", hash, "download_url", url)));
  }

  private StubResponse download(RecordedRequest request) {
    Map<String, String> query = request.queryParameters();
    String token = query.get("token");
    byte[] file = token == null ? null : byToken.get(token);
    if (file == null) {
      return StubResponse.error(400, "PARAM_ERROR", token == null
          ? "the bill download has no token" : "the bill download token \"" + token + "\" is unknown");
    }
    // Compressed only when the download asks with tartype=gzip, as the download_url of a GZIP bill does.
    boolean gzip = "gzip".equalsIgnoreCase(query.get("tartype"));
    // WeChat Pay does not sign bill files.
    return StubResponse.raw(200, gzip ? "application/x-gzip" : "text/plain;charset=utf-8",
        gzip ? gzip(file) : file).unsigned();
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
