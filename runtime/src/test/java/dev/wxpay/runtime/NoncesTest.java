package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class NoncesTest {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @Test
  void noncesAre32CharactersEachEquallyLikely() {
    SecureRandom random = new SecureRandom();
    int[] counts = new int[128];
    Set<String> seen = new HashSet<>();
    int nonces = 20_000;
    for (int i = 0; i < nonces; i++) {
      String nonce = Nonces.next(random);
      assertTrue(nonce.matches("[A-Za-z0-9]{32}"), nonce);
      seen.add(nonce);
      for (char c : nonce.toCharArray()) {
        counts[c]++;
      }
    }
    assertEquals(nonces, seen.size());
    // 640,000 characters: about 10,323 each, with a standard deviation near 100. Dropping the two
    // surplus six-bit values, not folding them onto others, is what keeps '0'..'9' and 'A', 'B' even.
    double expected = 32.0 * nonces / ALPHABET.length();
    for (char c : ALPHABET.toCharArray()) {
      assertTrue(Math.abs(counts[c] - expected) < 0.05 * expected, c + ": " + counts[c]);
    }
  }

  @Test
  @Timeout(10)
  void aGeneratorOfConstantBytesStillEnds() {
    SecureRandom stuck = new SecureRandom() {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] bytes) {
        java.util.Arrays.fill(bytes, (byte) 0xFF);
      }
    };
    assertEquals(32, Nonces.next(stuck).length());
  }
}
