package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} upload as WeChat Pay takes it: a {@code meta} part (the JSON the merchant signs)
 * and a {@code file} part; either may be missing from a malformed one, whose {@code problem} says why.
 */
record Upload(@Nullable String meta, byte @Nullable [] file, @Nullable String problem) {
  /** Reads the parts of an upload's body. */
  static Upload read(byte[] body, String contentType) {
    List<Multipart.Part> parts;
    try {
      parts = Multipart.parse(body, Multipart.boundary(contentType));
    } catch (IllegalArgumentException e) {
      return new Upload(null, null, e.getMessage());
    }
    Multipart.Part meta = null;
    Multipart.Part file = null;
    String problem = null;
    for (Multipart.Part part : parts) {
      if ("meta".equals(part.name()) && meta == null) {
        meta = part;
      } else if ("file".equals(part.name()) && file == null) {
        file = part;
      } else if (problem == null) {
        problem = "an upload must have exactly a meta part and a file part, had a "
            + (part.name() == null ? "nameless" : "duplicate or unknown \"" + part.name() + "\"") + " part";
      }
    }
    if (problem == null && (meta == null || file == null)) {
      problem = "an upload must have exactly a meta part and a file part, "
          + (meta == null ? "the meta part is missing" : "the file part is missing");
    }
    // The meta part, when there is one, is what the signature covers, even if the upload is malformed.
    return new Upload(meta == null ? null : new String(meta.content(), StandardCharsets.UTF_8),
        file == null ? null : file.content(), problem);
  }

  /**
   * Why WeChat Pay would refuse the upload, or null: both parts are there, and the meta is
   * {@code {"filename":…,"sha256":…}} with the file's SHA-256.
   */
  @Nullable String refusal() {
    if (problem != null) {
      return problem;
    }
    Map<?, ?> parsed;
    try {
      parsed = SandboxJson.parseObject(Objects.requireNonNull(meta));
    } catch (IllegalArgumentException e) {
      return "the meta part of an upload is not a JSON object: " + e.getMessage();
    }
    if (!(parsed.get("filename") instanceof String filename) || filename.isEmpty()) {
      return "the meta part of an upload has no filename";
    }
    if (!(parsed.get("sha256") instanceof String sha256)) {
      return "the meta part of an upload has no sha256";
    }
    String actual = sha256Hex(Objects.requireNonNull(file));
    if (!actual.equalsIgnoreCase(sha256)) {
      return "the sha256 of the file part is " + actual + ", but meta.sha256 is \"" + sha256 + "\"";
    }
    return null;
  }

  private static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
