package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * What the generated operation tests of the endpoint artifacts check on each request and answer. Shared
 * through this module's test jar; the decryption uses the JDK directly, independent of the runtime.
 */
public final class OperationAssertions {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final OAEPParameterSpec OAEP = new OAEPParameterSpec(
      "SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);

  private OperationAssertions() {}

  /**
   * The request is signed and is {@code method path?query} with these headers and JSON body (null for
   * none); each field at an {@code encrypted} path ({@code a.b[].c}) left the client encrypted under
   * {@code wechatpay} (RSA-OAEP) and decrypts to the expected plain text.
   */
  public static void assertSent(RecordedRequest request, PrivateKey wechatpay, String method, String path,
      List<String> query, Map<String, String> headers, @Nullable String body, List<String> encrypted) {
    assertTrue(request.signatureValid(), request.rejection());
    assertEquals(method, request.method());
    assertEquals(path, request.rawPath());
    assertEquals(query, decodedQuery(request.rawQuery()));
    headers.forEach((name, value) -> assertEquals(value, request.header(name), name));
    if (body == null) {
      assertEquals(0, request.body().length, "no body");
      return;
    }
    Object sent = parse(request.bodyAsString());
    for (String field : encrypted) {
      decryptAt(sent, field.split("\\."), 0, wechatpay, field);
    }
    assertEquals(parse(body), sent);
  }

  /**
   * {@code json} with the fields at {@code paths} encrypted for the merchant under {@code merchant}
   * (RSA-OAEP), as WeChat Pay sends sensitive answer fields.
   */
  public static String encryptedFor(PublicKey merchant, String json, List<String> paths) {
    Object tree = parse(json);
    for (String path : paths) {
      transformAt(tree, path.split("\\."), 0, plain -> encrypt(merchant, plain));
    }
    return JSON.toJson(tree);
  }

  /** {@code value} as JSON with its {@code @Encrypted} fields in plain text, to compare with an answer. */
  public static <T> String plainJson(JsonAdapter<T> adapter, T value) {
    Buffer buffer = new Buffer();
    JsonWriter writer = JsonWriter.of(buffer);
    writer.setTag(SensitiveFields.class, new SensitiveFields() {
      @Override
      public String encrypt(String plaintext) {
        return plaintext;
      }

      @Override
      public String decrypt(String ciphertext) {
        return ciphertext;
      }
    });
    try {
      adapter.toJson(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /**
   * The request is a signed upload of {@code content} named {@code filename}: its meta part names the file
   * and its SHA-256, as WeChat Pay checks it.
   */
  public static void assertUploaded(RecordedRequest request, String method, String path, String filename,
      byte[] content) {
    assertTrue(request.signatureValid(), request.rejection());
    assertEquals(method, request.method());
    assertEquals(path, request.rawPath());
    assertArrayEquals(content, request.uploadFile());
    Object meta = parse(String.valueOf(request.uploadMeta()));
    assertEquals(filename, ((Map<?, ?>) meta).get("filename"));
    assertEquals(sha256Hex(content), ((Map<?, ?>) meta).get("sha256"));
  }

  private static String sha256Hex(byte[] content) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Two JSON texts are the same value (numbers compared as numbers, key order ignored). */
  public static void assertJson(String expected, String actual) {
    assertEquals(parse(expected), parse(actual));
  }

  private static List<String> decodedQuery(@Nullable String rawQuery) {
    List<String> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      out.add(URLDecoder.decode(pair.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void decryptAt(Object node, String[] path, int index, PrivateKey key, String field) {
    transformAt(node, path, index, ciphertext -> {
      String plain = decrypt(key, ciphertext);
      assertNotEquals(plain, ciphertext, field + " left in the clear");
      return plain;
    });
  }

  /** Replaces the string at {@code path} ({@code a.b[].c}: each element of b) by {@code change} of it. */
  @SuppressWarnings("unchecked")
  private static void transformAt(Object node, String[] path, int index, UnaryOperator<String> change) {
    String step = path[index];
    boolean each = step.endsWith("[]");
    String name = each ? step.substring(0, step.length() - 2) : step;
    Map<String, Object> object = (Map<String, Object>) node;
    Object value = object.get(name);
    if (each) {
      for (Object element : (List<Object>) value) {
        transformAt(element, path, index + 1, change);
      }
    } else if (index + 1 < path.length) {
      transformAt(value, path, index + 1, change);
    } else {
      object.put(name, change.apply((String) value));
    }
  }

  private static String encrypt(PublicKey key, String text) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, OAEP);
      return Base64.getEncoder().encodeToString(cipher.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static String decrypt(PrivateKey key, String base64) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, OAEP);
      return new String(cipher.doFinal(Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError("not RSA-OAEP under the WeChat Pay key: " + base64, e);
    }
  }

  private static Object parse(String json) {
    try {
      return JSON.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
