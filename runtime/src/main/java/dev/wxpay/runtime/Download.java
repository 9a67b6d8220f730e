package dev.wxpay.runtime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;

/**
 * An unsigned download, such as a bill, read once: as bytes, into a file, or as a stream. A gzip file is
 * decompressed; the content is checked against the {@link DownloadHash} of the signed bill request, if
 * one was given, before it counts as read. Not thread-safe.
 */
public final class Download implements AutoCloseable {
  private final InputStream body;
  private final @Nullable DownloadHash expected;
  private final String description;
  private boolean consumed;

  Download(InputStream body, @Nullable DownloadHash expected, String description) {
    this.body = body;
    this.expected = expected;
    this.description = description;
  }

  /**
   * Reads the whole content into memory.
   *
   * @throws ValidationException if it does not match the expected hash
   * @throws TransportException if reading fails
   */
  public byte[] bytes() {
    try (InputStream in = open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /**
   * Writes the content to {@code target}, through a temporary file beside it, so that a file that fails
   * the hash check never appears at {@code target}.
   *
   * @throws ValidationException if it does not match the expected hash
   * @throws TransportException if reading or writing fails
   */
  public void saveTo(Path target) {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try (InputStream in = open()) {
      temporary = Files.createTempFile(directory, ".wxpay-", ".part");
      Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        // Checked already; only the rename is not atomic on this file system.
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw failure(e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Best effort: the failure being reported matters more.
        }
      }
    }
  }

  /**
   * The content as a stream. At its end the hash is checked: a mismatch makes the last read throw an
   * {@link IOException} whose cause is a {@link ValidationException}; do not use data read before then,
   * and read to the end, or nothing is checked. {@link #bytes()} and {@link #saveTo} do both for you.
   */
  public InputStream stream() {
    try {
      return open();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      // Closing an HTTP body stream only releases the connection.
    }
  }

  private InputStream open() throws IOException {
    if (consumed) {
      throw new IllegalStateException("a Download can be read once");
    }
    consumed = true;
    PushbackInputStream in = new PushbackInputStream(body, 2);
    byte[] magic = in.readNBytes(2);
    if (magic.length > 0) {
      in.unread(magic);
    }
    // WeChat Pay's hash is of the bill itself, so a gzip file is checked after decompression.
    InputStream content = magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B
        ? new GZIPInputStream(in) : in;
    return expected == null ? content : new Checked(content, expected, description);
  }

  private RuntimeException failure(IOException e) {
    if (e.getCause() instanceof ValidationException validation) {
      return validation;
    }
    return new TransportException("reading the download of " + description + " failed", e);
  }

  /** Hashes what passes through and compares at the end of the stream. */
  private static final class Checked extends FilterInputStream {
    private final DownloadHash expected;
    private final String description;
    private final @Nullable MessageDigest sha1;
    private final @Nullable SM3Digest sm3;
    private boolean checked;

    Checked(InputStream in, DownloadHash expected, String description) {
      super(in);
      this.expected = expected;
      this.description = description;
      if (expected.type().equals("SM3")) {
        this.sha1 = null;
        this.sm3 = new SM3Digest();
      } else {
        try {
          this.sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("every JDK has SHA-1", e);
        }
        this.sm3 = null;
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        check();
      } else {
        update(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n < 0) {
        check();
      } else {
        update(buffer, offset, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes must be hashed too.
      byte[] buffer = new byte[8192];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    private void update(byte[] buffer, int offset, int length) {
      if (sha1 != null) {
        sha1.update(buffer, offset, length);
      } else if (sm3 != null) {
        sm3.update(buffer, offset, length);
      }
    }

    private void check() throws IOException {
      if (checked) {
        return;
      }
      checked = true;
      byte[] digest;
      if (sha1 != null) {
        digest = sha1.digest();
      } else {
        digest = new byte[32];
        java.util.Objects.requireNonNull(sm3).doFinal(digest, 0);
      }
      String actual = HexFormat.of().formatHex(digest);
      if (!actual.equalsIgnoreCase(expected.value())) {
        throw new IOException("hash mismatch", new ValidationException(
            ValidationException.Reason.HASH_MISMATCH, "the download of " + description + " does not match its "
                + expected.type() + " hash_value; do not use it"));
      }
    }
  }

  @Override
  public String toString() {
    return "Download[" + description + "]";
  }
}
