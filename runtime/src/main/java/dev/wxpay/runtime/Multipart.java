package dev.wxpay.runtime;

import com.squareup.moshi.JsonWriter;
import dev.wxpay.runtime.spi.UploadFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okio.Buffer;

/**
 * The multipart/form-data body of a media upload: a {@code meta} part with the file name and the
 * SHA-256 of the content, which is what the request signature covers, and the {@code file} part.
 */
record Multipart(byte[] meta, byte[] body, String contentType) {
  private static final byte[] CRLF = {'\r', '\n'};

  static Multipart of(UploadFile upload, String boundaryNonce) {
    // Upload checked these when it was made; another UploadFile, handed to the spi directly, has not.
    Upload.check(upload.filename(), upload.contentType());
    ByteBuffer content = upload.contentBuffer();
    byte[] metaBytes = metaJson(upload.filename(), sha256(content.duplicate()));
    String boundary = "wxpay-" + boundaryNonce;
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.remaining() + 512);
    write(out, "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"meta\"\r\n"
        + "Content-Type: application/json\r\n\r\n");
    out.writeBytes(metaBytes);
    out.writeBytes(CRLF);
    write(out, "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + upload.filename() + "\"\r\n"
        + "Content-Type: " + upload.contentType() + "\r\n\r\n");
    write(out, content.duplicate());
    out.writeBytes(CRLF);
    write(out, "--" + boundary + "--\r\n");
    return new Multipart(metaBytes, out.toByteArray(), "multipart/form-data; boundary=" + boundary);
  }

  /** Copies the read-only content in chunks, without a whole second copy of the file. */
  private static void write(ByteArrayOutputStream out, ByteBuffer content) {
    byte[] chunk = new byte[Math.min(content.remaining(), 64 * 1024)];
    while (content.hasRemaining()) {
      int length = Math.min(chunk.length, content.remaining());
      content.get(chunk, 0, length);
      out.write(chunk, 0, length);
    }
  }

  /** {@code {"filename":...,"sha256":...}}, compact, written (and escaped) by Moshi as any JSON body is. */
  static byte[] metaJson(String filename, String sha256) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject().name("filename").value(filename).name("sha256").value(sha256).endObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return buffer.readByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(ByteBuffer content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(content);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
