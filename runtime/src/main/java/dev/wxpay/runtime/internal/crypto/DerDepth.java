package dev.wxpay.runtime.internal.crypto;

/**
 * How deeply ASN.1 (DER or BER) values nest, found without recursion. Bouncy Castle's ASN.1 parser recurses
 * once per level, so a few kilobytes of nested SEQUENCEs from the network (a signature header, an
 * encrypted field, a downloaded certificate) overflow the stack; callers check the depth first and refuse
 * such input as malformed. Keys and certificates nest about ten levels; {@link #LIMIT} leaves room.
 */
final class DerDepth {
  /** Deeper than any key, certificate, signature or ciphertext this library reads. */
  static final int LIMIT = 32;

  private DerDepth() {}

  /**
   * Whether {@code der} nests constructed values more than {@code limit} levels deep. Only the structure is
   * walked; input too broken to walk counts as not too deep, and is left to the real parser to refuse.
   */
  static boolean tooDeep(byte[] der, int limit) {
    // ends[d]: where the value open at depth d ends; -1 for an indefinite length, which ends at 00 00.
    int[] ends = new int[limit + 1];
    int depth = 0;
    int i = 0;
    int end = der.length;
    while (i < end) {
      if (depth > 0 && ends[depth - 1] >= 0 && i >= ends[depth - 1]) {
        depth--;
        continue;
      }
      int tag = der[i++] & 0xff;
      if (tag == 0 && i < end && der[i] == 0 && depth > 0 && ends[depth - 1] < 0) {
        i++; // end-of-contents of an indefinite length
        depth--;
        continue;
      }
      if ((tag & 0x1f) == 0x1f) { // high tag number: base-128 digits
        while (i < end && (der[i] & 0x80) != 0) {
          i++;
        }
        i++;
      }
      if (i >= end) {
        return false;
      }
      int first = der[i++] & 0xff;
      long length;
      if (first < 0x80) {
        length = first;
      } else if (first == 0x80) {
        length = -1;
      } else {
        int bytes = first & 0x7f;
        if (bytes > 4 || i + bytes > end) {
          return false;
        }
        length = 0;
        for (int b = 0; b < bytes; b++) {
          length = (length << 8) | (der[i++] & 0xff);
        }
      }
      if ((tag & 0x20) != 0) { // constructed: its contents are the next level
        if (depth == limit) {
          return true;
        }
        ends[depth++] = length < 0 ? -1 : (int) Math.min(end, i + length);
      } else {
        if (length < 0 || i + length > end) {
          return false;
        }
        i += (int) length;
      }
    }
    return false;
  }
}
