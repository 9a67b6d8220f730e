package dev.wxpay.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import com.squareup.moshi.JsonReader;
import okio.Buffer;

/**
 * Generators for {@link Fuzz}: valid inputs mutated byte by byte and value by value, random JSON, and the
 * classic hostile inputs (deep nesting, huge numbers, invalid UTF-8, duplicate keys, truncation). Sizes are
 * bounded: a few hundred kilobytes at most, so memory stays small however many tries run.
 */
public final class FuzzInputs {
  private FuzzInputs() {}

  private static final String[] HOSTILE_TEXT = {
    "[".repeat(10_000), "{\"a\":".repeat(10_000), "[".repeat(300) + "]".repeat(300),
    "1e999999", "-1e999999", "1e-999999", "1E+2147483648", "0." + "0".repeat(400) + "1",
    "9".repeat(400), "-" + "9".repeat(400), "9223372036854775808", "-9223372036854775809", "2147483648",
    "-2147483649", "1.0E400", "4.9E-325", "-0", "0.0", "NaN", "Infinity", "-Infinity", "0x10", "01", "1.",
    ".5", "1e", "+1", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\u00\"", "\"\\x41\"", "\"\\", "\"",
    "null", "true", "false", "\"\"", "{}", "[]", "[null]", "{\"\":null}", "\"2015-05-20T13:29:35+08:00\"",
    "\"9999-12-31T23:59:59.999999999-18:00\"", "\"2015-02-30T25:61:61+19:00\"", "\"+999999999-01-01T00:00:00Z\"",
    "\"AEAD_AES_256_GCM\"", "\"AEAD_SM4_GCM\"", "\"" + "A".repeat(20_000) + "\"", "//x\n", "/*", "'a'", "a",
    "\u2028", "\ufeff", "\"\u0001\"", ",", ":", "]", "}",
  };

  private static final byte[][] HOSTILE_BYTES = {
    {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xff}, {(byte) 0xfe}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
    {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xe4, (byte) 0xb8}, {(byte) 0x80},
    {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {0}, {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, {'\r', '\n'},
  };

  /** One of the classic hostile JSON texts or byte sequences. */
  public static byte[] hostile(Random random) {
    int n = random.nextInt(HOSTILE_TEXT.length + HOSTILE_BYTES.length);
    return n < HOSTILE_TEXT.length
        ? HOSTILE_TEXT[n].getBytes(StandardCharsets.UTF_8) : HOSTILE_BYTES[n - HOSTILE_TEXT.length].clone();
  }

  /** A hostile text (valid UTF-16). */
  public static String hostileText(Random random) {
    return HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)];
  }

  /** {@code valid} with one to four byte-level mutations. */
  public static byte[] mutate(Random random, byte[] valid) {
    byte[] out = valid;
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      out = mutateOnce(random, out);
    }
    return out;
  }

  private static byte[] mutateOnce(Random random, byte[] in) {
    int n = in.length;
    int at = n == 0 ? 0 : random.nextInt(n + 1);
    switch (random.nextInt(9)) {
      case 0 -> { // flip one bit
        if (n == 0) {
          return hostile(random);
        }
        byte[] out = in.clone();
        out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 1 -> { // any byte
        if (n == 0) {
          return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] out = in.clone();
        out[random.nextInt(n)] = (byte) random.nextInt(256);
        return out;
      }
      case 2 -> { // truncate
        return Arrays.copyOf(in, at);
      }
      case 3 -> { // cut a range out
        int length = Math.min(n - Math.min(at, n), 1 + random.nextInt(16));
        return splice(in, at, length, new byte[0]);
      }
      case 4 -> { // insert random bytes
        byte[] insert = new byte[1 + random.nextInt(8)];
        random.nextBytes(insert);
        return splice(in, at, 0, insert);
      }
      case 5 -> { // insert or overwrite with a hostile sequence
        byte[] hostile = hostile(random);
        int length = random.nextBoolean() ? 0 : Math.min(n - Math.min(at, n), random.nextInt(8));
        return splice(in, at, length, hostile);
      }
      case 6 -> { // repeat a range (duplicate members, doubled nesting)
        if (n == 0) {
          return in;
        }
        int from = random.nextInt(n);
        int length = Math.min(n - from, 1 + random.nextInt(64));
        return splice(in, from, 0, Arrays.copyOfRange(in, from, from + length));
      }
      case 7 -> { // an interesting byte: structure characters, quotes, escapes
        byte[] special = {'"', '\\', '{', '}', '[', ']', ',', ':', '-', '0', '9', 'e', '.', '=', '\n', ' '};
        return splice(in, at, random.nextBoolean() ? 0 : Math.min(1, n - Math.min(at, n)),
            new byte[] {special[random.nextInt(special.length)]});
      }
      default -> { // keep one end only, or the whole thing twice
        return random.nextBoolean() ? Arrays.copyOfRange(in, at, n) : concat(in, in);
      }
    }
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    at = Math.min(at, in.length);
    remove = Math.max(0, Math.min(remove, in.length - at));
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Random bytes, mostly short. */
  public static byte[] randomBytes(Random random) {
    byte[] out = new byte[random.nextInt(4) == 0 ? random.nextInt(4096) : random.nextInt(64)];
    random.nextBytes(out);
    return out;
  }

  /** A string mutated as UTF-8 bytes, decoded back (malformed sequences become U+FFFD, as a reader would). */
  public static String mutate(Random random, String valid) {
    return new String(mutate(random, valid.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  // ---- JSON, value by value ----

  /** A JSON number kept as its text, so that huge and odd numbers survive. */
  public record Num(String text) {}

  /**
   * {@code validJson} with one to three of its values replaced, members dropped or duplicated, and the whole
   * written back; sometimes a byte-level mutation on top. Reaches the adapters' type and field checks.
   */
  public static byte[] mutateJson(Random random, String validJson) {
    Object tree = parse(validJson);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      tree = edit(random, tree, 0);
    }
    byte[] out = write(tree).getBytes(StandardCharsets.UTF_8);
    return random.nextInt(4) == 0 ? mutate(random, out) : out;
  }

  /** A random JSON value, depth at most {@code depth}. */
  public static Object randomValue(Random random, int depth) {
    int kind = random.nextInt(depth <= 0 ? 5 : 7);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> new Num(randomNumber(random));
      case 3, 4 -> randomString(random);
      case 5 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(randomValue(random, depth - 1));
        }
        yield list;
      }
      default -> {
        List<Map.Entry<String, Object>> members = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          members.add(new SimpleEntry<>(randomString(random), randomValue(random, depth - 1)));
        }
        yield members;
      }
    };
  }

  /** Text of a random JSON value. */
  public static String randomJson(Random random) {
    return write(randomValue(random, 4));
  }

  private static String randomNumber(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> Integer.toString(random.nextInt());
      case 1 -> Long.toString(random.nextLong());
      case 2 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 3 -> "9".repeat(1 + random.nextInt(400));
      case 4 -> "1e" + (random.nextBoolean() ? "-" : "") + random.nextInt(1_000_000);
      case 5 -> "-0";
      case 6 -> Integer.toString(random.nextInt(10));
      default -> random.nextInt(1000) + "." + random.nextInt(1000);
    };
  }

  private static String randomString(Random random) {
    String[] samples = {"", "a", "id", "amount", "total", "out_trade_no", "resource", "ciphertext", "nonce",
        "algorithm", "AEAD_AES_256_GCM", "SUCCESS", "CNY", "2015-05-20T13:29:35+08:00", "中文", "\u0000", "\ud800",
        "\"", "\\", "/", "\n", "UNKNOWN_ENUM_VALUE"};
    if (random.nextInt(3) == 0) {
      char[] chars = new char[random.nextInt(12)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000);
      }
      return new String(chars);
    }
    return samples[random.nextInt(samples.length)];
  }

  @SuppressWarnings("unchecked")
  private static Object edit(Random random, Object node, int depth) {
    if (node instanceof List<?> list && !list.isEmpty() && random.nextInt(4) != 0) {
      boolean object = list.get(0) instanceof Map.Entry<?, ?>;
      List<Object> copy = new ArrayList<>(list);
      int i = random.nextInt(copy.size());
      switch (random.nextInt(6)) {
        case 0 -> copy.remove(i); // a member or element dropped
        case 1 -> copy.add(i, copy.get(i)); // duplicated: a duplicate key in an object
        case 2 -> { // duplicated with another value
          Object replacement = randomValue(random, 2);
          copy.add(i, object ? new SimpleEntry<>(((Map.Entry<String, Object>) copy.get(i)).getKey(), replacement)
              : replacement);
        }
        default -> { // go deeper
          Object child = copy.get(i);
          if (object) {
            Map.Entry<String, Object> member = (Map.Entry<String, Object>) child;
            copy.set(i, new SimpleEntry<>(member.getKey(), edit(random, member.getValue(), depth + 1)));
          } else {
            copy.set(i, edit(random, child, depth + 1));
          }
        }
      }
      return copy;
    }
    // Replace this value: another type, a hostile number or string, or a random value.
    return switch (random.nextInt(4)) {
      case 0 -> new Num(randomNumber(random));
      case 1 -> randomString(random);
      case 2 -> new Raw(hostileText(random));
      default -> randomValue(random, 3);
    };
  }

  /** JSON text written as it is, valid or not. */
  private record Raw(String text) {}

  /** Parses valid JSON into lists (arrays), lists of entries (objects), {@link Num}, strings, booleans, null. */
  public static Object parse(String json) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      return read(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      }
      case BEGIN_OBJECT -> {
        List<Map.Entry<String, Object>> members = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
          members.add(new SimpleEntry<>(reader.nextName(), read(reader)));
        }
        reader.endObject();
        // An empty object would read back as an array; it stays an object as a raw text.
        return members.isEmpty() ? new Raw("{}") : members;
      }
      case NUMBER -> {
        return new Num(reader.nextString());
      }
      case STRING -> {
        return reader.nextString();
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      default -> {
        return reader.nextNull();
      }
    }
  }

  /** Writes a tree from {@link #parse} or {@link #randomValue}, duplicates and odd numbers as they are. */
  public static String write(Object node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(Object node, StringBuilder out) {
    if (node == null) {
      out.append("null");
    } else if (node instanceof Boolean b) {
      out.append(b);
    } else if (node instanceof Num n) {
      out.append(n.text());
    } else if (node instanceof Raw r) {
      out.append(r.text());
    } else if (node instanceof String s) {
      out.append('"');
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || Character.isSurrogate(c)) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    } else if (node instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map.Entry<?, ?>) {
      out.append('{');
      boolean first = true;
      for (Object o : list) {
        Map.Entry<String, Object> member = (Map.Entry<String, Object>) o;
        if (!first) {
          out.append(',');
        }
        first = false;
        write(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
      }
      out.append('}');
    } else if (node instanceof List<?> list) {
      out.append('[');
      boolean first = true;
      for (Object o : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(o, out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(String.valueOf(node));
    }
  }
}
