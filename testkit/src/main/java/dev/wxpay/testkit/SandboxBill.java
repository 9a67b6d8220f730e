package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A bill for {@link WechatPaySandbox#bill(String, SandboxBill)} to serve: its content, the {@code hash_type}
 * to announce, and an optional fault. Immutable; each option returns a new value.
 */
public final class SandboxBill {
  private final byte[] content;
  private final @Nullable String hashType;
  private final boolean corrupted;

  private SandboxBill(byte[] content, @Nullable String hashType, boolean corrupted) {
    this.content = content;
    this.hashType = hashType;
    this.corrupted = corrupted;
  }

  /** A bill with this content (the uncompressed file), hashed as the sandbox's algorithm hashes bills. */
  public static SandboxBill of(byte[] content) {
    return new SandboxBill(content.clone(), null, false);
  }

  /** A bill with this text as UTF-8 content, such as WeChat Pay's comma-separated bill lines. */
  public static SandboxBill of(String content) {
    return new SandboxBill(content.getBytes(StandardCharsets.UTF_8), null, false);
  }

  /**
   * Returns a copy announcing and using this {@code hash_type} instead of the algorithm's default
   * ({@code SHA1} in RSA mode, {@code SM3} in SM2 mode).
   *
   * @param hashType {@code SHA1} or {@code SM3}
   * @throws IllegalArgumentException for any other value
   */
  public SandboxBill hashType(String hashType) {
    if (!"SHA1".equals(hashType) && !"SM3".equals(hashType)) {
      throw new IllegalArgumentException("hash_type must be SHA1 or SM3, was " + hashType);
    }
    return new SandboxBill(content, hashType, corrupted);
  }

  /**
   * Returns a copy whose download serves corrupted content (one byte changed, before any gzip), while the
   * bill request still announces the hash of the true content, so that a client's hash check must fail.
   */
  public SandboxBill corrupted() {
    return new SandboxBill(content, hashType, true);
  }

  /** A copy of the bill's true content. */
  public byte[] content() {
    return content.clone();
  }

  @Nullable String hashTypeOverride() {
    return hashType;
  }

  boolean isCorrupted() {
    return corrupted;
  }

  /** The content as downloads serve it, before any gzip: corrupted if asked for. */
  byte[] served() {
    byte[] served = content.clone();
    if (!corrupted) {
      return served;
    }
    if (served.length == 0) {
      return new byte[] {'X'};
    }
    served[served.length / 2] ^= 0x01;
    return served;
  }

  @Override
  public String toString() {
    return "SandboxBill[" + content.length + " bytes" + (hashType == null ? "" : ", " + hashType)
        + (corrupted ? ", corrupted" : "") + "]";
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SandboxBill that && java.util.Arrays.equals(content, that.content)
        && Objects.equals(hashType, that.hashType) && corrupted == that.corrupted;
  }

  @Override
  public int hashCode() {
    return Objects.hash(java.util.Arrays.hashCode(content), hashType, corrupted);
  }
}
