package dev.wxpay.runtime;

import static dev.wxpay.runtime.Fuzz.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.wxpay.runtime.internal.model.CertificateListJsonAdapter;
import dev.wxpay.runtime.internal.model.NotificationEnvelopeJsonAdapter;
import dev.wxpay.runtime.spi.JsonAdapters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Hostile JSON into {@link JsonValue}, the runtime's scalar and list adapters, and the runtime's own
 * generated adapters (notification envelope, certificate list). Adapters document Moshi's contract:
 * {@link IOException} for malformed JSON, {@link JsonDataException} for JSON of the wrong shape.
 */
class JsonFuzzTest {
  static final String ENVELOPE = "{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2015-05-20T13:29:35+08:00\","
      + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\","
      + "\"resource\":{\"original_type\":\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"c2VjcmV0\","
      + "\"associated_data\":\"transaction\",\"nonce\":\"fdasflkja484w\"}}";
  static final String CERTIFICATES = "{\"data\":[{\"serial_no\":\"5157F09EFDC096DE15EBE81A47057A7232F1B8E1\","
      + "\"effective_time\":\"2018-06-08T10:34:56+08:00\",\"expire_time\":\"2018-12-08T10:34:56+08:00\","
      + "\"encrypt_certificate\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"nonce\":\"61f9c719728a\","
      + "\"associated_data\":\"certificate\",\"ciphertext\":\"sRvt\"}}]}";
  // A surrogate escape, or a fraction of seconds finer than milliseconds.
  private static final Pattern LOSSY = Pattern.compile("(?i)\\\\u+d[89a-f]|:\\d\\d\\.\\d{4}");
  private static final List<Class<? extends Throwable>> ADAPTER_ERRORS = documented(IOException.class, JsonDataException.class);

  /** Valid documents, mutated value by value or byte by byte, random JSON, or a classic hostile input. */
  static byte[] json(Random random, String valid) {
    return switch (random.nextInt(6)) {
      case 0, 1 -> FuzzInputs.mutateJson(random, valid);
      case 2, 3 -> FuzzInputs.mutate(random, valid.getBytes(StandardCharsets.UTF_8));
      case 4 -> FuzzInputs.randomJson(random).getBytes(StandardCharsets.UTF_8);
      default -> FuzzInputs.hostile(random);
    };
  }

  private static <T> void decodes(JsonAdapter<T> adapter, byte[] json) throws IOException {
    T value = JsonDocuments.decode(adapter, new Buffer().write(json), null);
    if (value != null) {
      // What was read writes and reads back to a value that writes the same: nothing half-read is handed
      // out. (Not always the same value: a date-time keeps milliseconds only, by design, and Moshi writes a
      // lone surrogate, reachable only through a \\u escape, as '?'.)
      String written = adapter.toJson(value);
      T again = JsonDocuments.decode(adapter, new Buffer().writeUtf8(written), null);
      assertEquals(written, adapter.toJson(again));
      if (!LOSSY.matcher(new String(json, StandardCharsets.UTF_8)).find()) {
        assertEquals(value, again);
      }
    }
  }

  @Test
  void notificationEnvelopeAdapter() {
    Fuzz.forAllBytes("NotificationEnvelopeJsonAdapter", 2000, r -> json(r, ENVELOPE),
        json -> decodes(NotificationEnvelopeJsonAdapter.INSTANCE, json), ADAPTER_ERRORS);
  }

  @Test
  void certificateListAdapter() {
    Fuzz.forAllBytes("CertificateListJsonAdapter", 2000, r -> json(r, CERTIFICATES),
        json -> decodes(CertificateListJsonAdapter.INSTANCE, json), ADAPTER_ERRORS);
  }

  @Test
  void scalarAndListAdapters() {
    List<JsonAdapter<?>> adapters = List.of(JsonAdapters.STRING, JsonAdapters.INTEGER, JsonAdapters.LONG,
        JsonAdapters.BOOLEAN, JsonAdapters.DOUBLE, JsonAdapters.OFFSET_DATE_TIME,
        JsonAdapters.listOf(JsonAdapters.LONG), JsonAdapters.listOf(JsonAdapters.listOf(JsonAdapters.STRING)),
        JsonAdapters.listOf(JsonValue.adapter()), JsonValue.adapter());
    Fuzz.forAllBytes("JsonAdapters", 2000, r -> json(r, "[[\"a\",1,2.5,true,\"2015-05-20T13:29:35.120+08:00\"]]"),
        json -> {
          for (JsonAdapter<?> adapter : adapters) {
            try {
              decodes(adapter, json);
            } catch (JsonDataException | IOException expected) {
              // each adapter on its own; the next one reads the same input
            }
          }
          // JSON that reads as a value at all must also read with the general adapter, or fail as documented.
          decodes(JsonValue.adapter(), json);
        }, ADAPTER_ERRORS);
  }

  @Test
  void jsonValueParse() {
    Fuzz.forAllStrings("JsonValue.parse", 2000,
        r -> new String(json(r, "{\"a\":[1,2.50,\"x\",{\"b\":null}],\"c\":12345678901234567890}"),
            StandardCharsets.UTF_8),
        text -> {
          JsonValue value = JsonValue.parse(text);
          // The compact text is a fixed point, and reads back as an equal value.
          assertEquals(value, JsonValue.parse(value.json()));
          assertEquals(value.json(), JsonValue.parse(value.json()).json());
        }, documented(IllegalArgumentException.class));
  }

  /** The fast date-time reader agrees with java.time's ISO parser on every input it accepts. */
  @Test
  void dateTimeFastPathAgreesWithIso() {
    Fuzz.forAllStrings("JsonAdapters.OFFSET_DATE_TIME", 3000,
        r -> r.nextInt(8) == 0 ? FuzzInputs.hostileText(r)
            : FuzzInputs.mutate(r, r.nextBoolean() ? "2015-05-20T13:29:35.120+08:00" : "2024-02-29T23:59:59Z"),
        text -> {
          OffsetDateTime iso;
          try {
            iso = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
          } catch (DateTimeParseException e) {
            iso = null;
          }
          String json = JsonAdapters.STRING.toJson(text);
          OffsetDateTime read;
          try {
            read = JsonAdapters.OFFSET_DATE_TIME.fromJson(json);
          } catch (JsonDataException e) {
            read = null;
          }
          assertEquals(iso, read);
        }, documented());
  }
}
