package dev.wxpay.runtime;

import static dev.wxpay.runtime.Fuzz.documented;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import dev.wxpay.annotations.rules.PathTemplate;
import dev.wxpay.runtime.spi.UploadFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Hostile values where the runtime writes them into a request: path parameters into {@link PathTemplate}
 * (and templates themselves), file names and content types into {@link Multipart}. Documented:
 * {@link IllegalArgumentException}. A result must keep every value inside its own segment or part.
 */
class RequestFuzzTest {
  private static final String[] TEMPLATE_PIECES = {"v3", "marketing", "<stock_id>", "{out_trade_no}", "<a>", "",
      "/", "//", "..", ".", "?x=1", "#f", "%2F", "<", "}", "<a b>", "{}", "<stock_id>", "a:b", "~", "中文", " "};

  record Expansion(String template, String[] values) {
    @Override
    public String toString() {
      return template + " " + Arrays.toString(values);
    }
  }

  private static String value(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> FuzzInputs.hostileText(random);
      case 1 -> new String(new char[] {(char) random.nextInt(0x10000), (char) random.nextInt(128)});
      case 2 -> new String[] {".", "..", "", "/", "a/b", "%2e%2e", "?q", "#", "\r\n", "\ud800", "..%2F"}[random.nextInt(11)];
      default -> FuzzInputs.mutate(random, "9856000");
    };
  }

  static Expansion expansion(Random random) {
    StringBuilder template = new StringBuilder();
    if (random.nextInt(3) == 0) {
      for (int i = 1 + random.nextInt(6); i > 0; i--) {
        template.append(TEMPLATE_PIECES[random.nextInt(TEMPLATE_PIECES.length)]);
        if (random.nextBoolean()) {
          template.append('/');
        }
      }
    } else {
      template.append("v3/marketing/favor/stocks/<stock_id>/{out_trade_no}/restart");
    }
    String[] values = new String[random.nextInt(4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(random);
    }
    return new Expansion(template.toString(), values);
  }

  @Test
  void pathTemplates() {
    Fuzz.forAll("PathTemplate", 3000, RequestFuzzTest::expansion, Expansion::toString,
        e -> e.toString().getBytes(StandardCharsets.UTF_8), e -> {
          PathTemplate template = PathTemplate.parse(e.template());
          String path = template.expand(e.values());
          // One segment per template segment; each value decodes back to itself (as UTF-8 carries it).
          String[] templateSegments = e.template().split("/", -1);
          String[] segments = path.substring(1).split("/", -1);
          assertEquals('/', path.charAt(0));
          assertEquals(templateSegments.length, segments.length, path);
          assertTrue(path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '?' && c != '#'), path);
          int next = 0;
          for (int i = 0; i < segments.length; i++) {
            String t = templateSegments[i];
            boolean placeholder = t.length() > 2
                && (t.charAt(0) == '<' && t.endsWith(">") || t.charAt(0) == '{' && t.endsWith("}"))
                && template.placeholderNames().contains(t.substring(1, t.length() - 1));
            if (placeholder) {
              String value = e.values()[next++];
              assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), percentDecode(segments[i]), path);
            } else {
              assertEquals(templateSegments[i], segments[i]);
            }
          }
        }, documented(IllegalArgumentException.class));
  }

  private static byte[] percentDecode(String segment) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  record File(String filename, String contentType, byte[] content) implements UploadFile {
    @Override
    public ByteBuffer contentBuffer() {
      return ByteBuffer.wrap(content).asReadOnlyBuffer();
    }

    @Override
    public String toString() {
      return "filename=" + filename + " contentType=" + contentType + " " + Fuzz.show(content);
    }
  }

  static File file(Random random) {
    String filename = random.nextBoolean() ? value(random) : FuzzInputs.mutate(random, "logo \"x\".png");
    String contentType = random.nextInt(3) == 0 ? value(random) : "image/png";
    return new File(filename, contentType, FuzzInputs.randomBytes(random));
  }

  private static final String NONCE = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";

  @Test
  void multipart() {
    Fuzz.forAll("Multipart", 2000, RequestFuzzTest::file, File::toString, File::content, f -> {
      Multipart multipart = Multipart.of(f, NONCE);
      String boundary = "--wxpay-" + NONCE;
      assertEquals("multipart/form-data; boundary=wxpay-" + NONCE, multipart.contentType());
      byte[] body = multipart.body();
      // Three boundary lines: meta, file, end; the values cannot add one, nor a header line.
      String text = new String(body, StandardCharsets.ISO_8859_1);
      assertTrue(text.startsWith(boundary + "\r\n"), text);
      assertTrue(text.endsWith("\r\n" + boundary + "--\r\n"));
      String[] parts = text.substring(0, text.length() - boundary.length() - 6).split(boundary + "\r\n", -1);
      assertEquals(3, parts.length);
      // meta: two header lines, then JSON naming the file and the content's SHA-256, which the signature covers
      String[] meta = parts[1].split("\r\n", -1);
      assertEquals(5, meta.length, parts[1]);
      JsonReader reader = JsonReader.of(new Buffer().write(multipart.meta()));
      reader.beginObject();
      assertEquals("filename", reader.nextName());
      assertEquals(new String(f.filename().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), reader.nextString());
      assertEquals("sha256", reader.nextName());
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.content())), reader.nextString());
      // file: exactly two header lines, then the content unchanged
      int headerEnd = parts[2].indexOf("\r\n\r\n");
      String[] headers = parts[2].substring(0, headerEnd).split("\r\n", -1);
      assertEquals(2, headers.length, parts[2]);
      assertEquals("Content-Disposition: form-data; name=\"file\"; filename=\""
          + new String(f.filename().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + "\"", headers[0]);
      byte[] content = parts[2].substring(headerEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
      assertArrayEquals(f.content(), content);
    }, documented(IllegalArgumentException.class));
  }
}
