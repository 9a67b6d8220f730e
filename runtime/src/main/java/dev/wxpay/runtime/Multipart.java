package dev.wxpay.runtime;

import dev.wxpay.runtime.spi.UploadFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The multipart/form-data body of a media upload: a {@code meta} part with the file name and the
 * SHA-256 of the content, which is what the request signature covers, and the {@code file} part.
 */
record Multipart(byte[] meta, byte[] body, String contentType) {
  private static final byte[] CRLF = {'\r', '\n'};

  static Multipart of(UploadFile upload, String boundaryNonce) {
    byte[] content = bytes(upload.contentBuffer());
    String meta = "{\"filename\":\"" + jsonEscape(upload.filename()) + "\",\"sha256\":\""
        + sha256(content) + "\"}";
    byte[] metaBytes = meta.getBytes(StandardCharsets.UTF_8);
    String boundary = "wxpay-" + boundaryNonce;
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
    write(out, "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"meta\"\r\n"
        + "Content-Type: application/json\r\n\r\n");
    out.writeBytes(metaBytes);
    out.writeBytes(CRLF);
    write(out, "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + upload.filename() + "\"\r\n"
        + "Content-Type: " + upload.contentType() + "\r\n\r\n");
    out.writeBytes(content);
    out.writeBytes(CRLF);
    write(out, "--" + boundary + "--\r\n");
    return new Multipart(metaBytes, out.toByteArray(), "multipart/form-data; boundary=" + boundary);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.remaining() == buffer.array().length) {
      return buffer.array();
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy;
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String jsonEscape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
