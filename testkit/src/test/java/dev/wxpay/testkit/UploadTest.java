package dev.wxpay.testkit;

import static dev.wxpay.testkit.WireAssertions.assertError;
import static dev.wxpay.testkit.WireAssertions.assertSignedBy;
import static dev.wxpay.testkit.WireAssertions.bodyOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UploadTest {
  private static final String UPLOAD = "/v3/merchant/media/upload";
  private static final String BOUNDARY = "wxpay-boundary-7MA4YWxkTrZu0gW";
  /** File bytes with CR, LF, CRLF, a near-boundary and binary in them. */
  private static final byte[] FILE = concat("\u00ff\u00d8\r\n--wxpay-boundary-7MA4YWxk\r\n\r\n\n\r"
      .getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 1, 2, (byte) 0x89, '\r', '\n', '-', '-'});

  // Package-private: the HTTPS subclass starts its own.
  static WechatPaySandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = TestKeys.sandbox().start();
  }

  @AfterAll
  static void closeSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void stub() {
    sandbox.stub("POST", UPLOAD, request -> StubResponse.json("{\"media_id\":\"M-" + request.uploadFile().length + "\"}"));
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  /** A multipart body as the official SDKs write one: meta first, then the file. */
  static byte[] multipart(String meta, byte[] file, String... extraParts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"meta\";\r\n"
        + "Content-Type: application/json\r\n\r\n" + meta + "\r\n").getBytes(StandardCharsets.UTF_8));
    if (file.length > 0) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
          + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(file);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    for (String name : extraParts) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\nx\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static HttpResponse<byte[]> upload(String meta, byte[] body) throws Exception {
    return MerchantRequest.to(sandbox).post(UPLOAD, body, "multipart/form-data; boundary=" + BOUNDARY,
        meta.getBytes(StandardCharsets.UTF_8)).send();
  }

  @Test
  void acceptsAnUploadSignedOverItsMeta() throws Exception {
    String meta = "{\"filename\":\"a.jpg\",\"sha256\":\"" + sha256(FILE) + "\"}";
    HttpResponse<byte[]> response = upload(meta, multipart(meta, FILE));
    assertEquals(200, response.statusCode(), bodyOf(response));
    assertEquals("{\"media_id\":\"M-" + FILE.length + "\"}", bodyOf(response));
    assertSignedBy(sandbox, response);
    RecordedRequest recorded = sandbox.lastRequest();
    assertTrue(recorded.signatureValid());
    assertEquals(meta, recorded.uploadMeta());
    assertArrayEquals(FILE, recorded.uploadFile());
    assertArrayEquals(multipart(meta, FILE), recorded.body());
  }

  @Test
  void acceptsAQuotedBoundaryAndAnUpperCaseHash() throws Exception {
    String meta = "{\"sha256\":\"" + sha256(FILE).toUpperCase() + "\",\"filename\":\"a.jpg\"}";
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox).post(UPLOAD, multipart(meta, FILE),
        "multipart/form-data; charset=utf-8; boundary=\"" + BOUNDARY + "\"", meta.getBytes(StandardCharsets.UTF_8))
        .send();
    assertEquals(200, response.statusCode(), bodyOf(response));
  }

  @Test
  void refusesAWrongSha256() throws Exception {
    String meta = "{\"filename\":\"a.jpg\",\"sha256\":\"" + sha256(new byte[] {1}) + "\"}";
    HttpResponse<byte[]> response = upload(meta, multipart(meta, FILE));
    assertError(response, 400, "PARAM_ERROR", "the sha256 of the file part is " + sha256(FILE));
    assertSignedBy(sandbox, response);
    assertTrue(sandbox.lastRequest().signatureValid());
  }

  @Test
  void checksTheSignatureOverTheMetaNotTheWholeBody() throws Exception {
    String meta = "{\"filename\":\"a.jpg\",\"sha256\":\"" + sha256(FILE) + "\"}";
    byte[] body = multipart(meta, FILE);
    HttpResponse<byte[]> wholeBody = MerchantRequest.to(sandbox)
        .post(UPLOAD, body, "multipart/form-data; boundary=" + BOUNDARY, body).send();
    assertError(wholeBody, 401, "SIGN_ERROR", "signature does not verify");
    HttpResponse<byte[]> otherMeta = upload("{\"filename\":\"b.jpg\",\"sha256\":\"" + sha256(FILE) + "\"}", body);
    assertError(otherMeta, 401, "SIGN_ERROR", "signature does not verify");
  }

  @Test
  void refusesMalformedUploads() throws Exception {
    String meta = "{\"filename\":\"a.jpg\",\"sha256\":\"" + sha256(FILE) + "\"}";
    assertError(upload(meta, multipart(meta, new byte[0])), 400, "PARAM_ERROR", "the file part is missing");
    assertError(upload(meta, multipart(meta, FILE, "extra")), 400, "PARAM_ERROR",
        "exactly a meta part and a file part");
    String noName = "{\"sha256\":\"" + sha256(FILE) + "\"}";
    assertError(upload(noName, multipart(noName, FILE)), 400, "PARAM_ERROR", "has no filename");
    String notJson = "filename=a.jpg";
    assertError(upload(notJson, multipart(notJson, FILE)), 400, "PARAM_ERROR", "is not a JSON object");
    byte[] unclosed = "--b\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\n{}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = MerchantRequest.to(sandbox)
        .post(UPLOAD, unclosed, "multipart/form-data; boundary=b", unclosed).send();
    assertError(response, 400, "PARAM_ERROR", "not closed by the boundary");
    assertNull(sandbox.lastRequest().uploadMeta());
    HttpResponse<byte[]> noBoundary = MerchantRequest.to(sandbox)
        .post(UPLOAD, unclosed, "multipart/form-data", unclosed).send();
    assertError(noBoundary, 400, "PARAM_ERROR", "no valid boundary");
  }

  @Test
  void jsonRequestsHaveNoUploadParts() throws Exception {
    sandbox.stub("POST", "/v3/json", StubResponse.json("{}"));
    MerchantRequest.to(sandbox).post("/v3/json", "{}").send();
    assertNull(sandbox.lastRequest().uploadMeta());
    assertNull(sandbox.lastRequest().uploadFile());
  }

  @Test
  void multipartReaderKeepsPartsByteExact() {
    byte[] body = concat("preamble\r\n".getBytes(StandardCharsets.UTF_8), multipart("{}", FILE));
    List<Multipart.Part> parts = Multipart.parse(body, BOUNDARY);
    assertEquals(2, parts.size());
    assertEquals("meta", parts.get(0).name());
    assertEquals("{}", new String(parts.get(0).content(), StandardCharsets.UTF_8));
    assertEquals("application/json", parts.get(0).headers().get("content-type"));
    assertEquals("file", parts.get(1).name());
    assertEquals("a.jpg", parts.get(1).filename());
    assertArrayEquals(FILE, parts.get(1).content());
    assertThrows(IllegalArgumentException.class, () -> Multipart.parse(body, "other"));
    assertFalse(Multipart.isFormData("application/json"));
    assertEquals("a b", Multipart.boundary("multipart/form-data; boundary=\"a b\""));
  }
}
