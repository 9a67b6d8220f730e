package dev.wxpay.runtime;

import dev.wxpay.annotations.rules.HeaderRules;
import dev.wxpay.runtime.spi.UploadFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to upload to a media endpoint (e.g. {@code v3/merchant/media/upload}): sent as
 * {@code multipart/form-data} with a {@code meta} part ({@code {"filename":...,"sha256":...}}), which the
 * request signature covers, and a {@code file} part.
 */
public final class Upload implements UploadFile {
  private final String filename;
  private final String contentType;
  private final byte[] content;

  private Upload(String filename, String contentType, byte[] content) {
    check(filename, contentType);
    this.filename = filename;
    this.contentType = contentType;
    this.content = content.clone();
  }

  /**
   * Both are written, unescaped, into the file part's headers, so neither may end a header; checked
   * again when a call is sent, for any {@link UploadFile}.
   */
  static void check(String filename, String contentType) {
    if (filename.isEmpty() || filename.indexOf('"') >= 0 || HeaderRules.hasLineBreak(filename)) {
      throw new IllegalArgumentException("the file name must not be empty or contain quotes, CR or LF");
    }
    if (HeaderRules.hasLineBreak(contentType)) {
      throw new IllegalArgumentException("the content type must not contain CR or LF");
    }
  }

  /** A file from memory; the content type follows the name's extension (jpg, png, bmp, mp4, pdf). */
  public static Upload of(String filename, byte[] content) {
    return new Upload(filename, contentType(filename), Objects.requireNonNull(content, "content"));
  }

  /** A file from memory with an explicit content type. */
  public static Upload of(String filename, String contentType, byte[] content) {
    return new Upload(filename, contentType, Objects.requireNonNull(content, "content"));
  }

  /** A file from disk, read now. */
  public static Upload of(Path file) {
    try {
      return of(file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public String filename() {
    return filename;
  }

  @Override
  public String contentType() {
    return contentType;
  }

  /** A copy of the content. */
  public byte[] content() {
    return content.clone();
  }

  /** The content without a copy, read-only. */
  @Override
  public ByteBuffer contentBuffer() {
    return ByteBuffer.wrap(content).asReadOnlyBuffer();
  }

  private static String contentType(String filename) {
    String lower = filename.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    if (lower.endsWith(".bmp")) {
      return "image/bmp";
    }
    if (lower.endsWith(".mp4")) {
      return "video/mp4";
    }
    if (lower.endsWith(".pdf")) {
      return "application/pdf";
    }
    return "application/octet-stream";
  }

  @Override
  public String toString() {
    return "Upload[" + filename + ", " + content.length + " bytes]";
  }
}
