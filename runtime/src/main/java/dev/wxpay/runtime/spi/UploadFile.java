package dev.wxpay.runtime.spi;

import java.nio.ByteBuffer;

/** The file of a media upload, as the runtime sends it; implemented by the runtime's {@code Upload}. */
public interface UploadFile {
  /** The file name, sent in the signed meta part; has no quote, CR or LF. */
  String filename();

  /** The MIME type of the file part. */
  String contentType();

  /** The content, read-only and not copied. */
  ByteBuffer contentBuffer();
}
