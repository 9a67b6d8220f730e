package dev.wxpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.wxpay.runtime.TestEndpoint;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.WechatPayException;
import dev.wxpay.runtime.spi.Operation;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.SandboxVerification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration as an application sees it, against the testkit sandbox. */
class WxpayAutoConfigurationTest {

  private static WechatPaySandbox sandbox;

  @TempDir
  static Path dir;

  private static Path privateKeyFile;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WxpayAutoConfiguration.class));

  @BeforeAll
  static void startSandbox() throws IOException {
    sandbox = WechatPaySandbox.start();
    privateKeyFile = Files.writeString(dir.resolve("apiclient_key.pem"), sandbox.merchantPrivateKeyPem(),
        StandardCharsets.US_ASCII);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  /** The sandbox's merchant with the key read from a file and the public key given as PEM text. */
  private String[] publicKeySetup() {
    return new String[] {
        "wxpay.mchid=" + sandbox.mchid(),
        "wxpay.merchant-serial-no=" + sandbox.merchantSerialNo(),
        "wxpay.private-key=file:" + privateKeyFile,
        "wxpay.public-key-id=" + sandbox.wechatpayPublicKeyId(),
        "wxpay.public-key=" + sandbox.wechatpayPublicKeyPem(),
        "wxpay.api-v3-key=" + sandbox.apiV3Key(),
        "wxpay.base-uri=" + sandbox.baseUri(),
        "wxpay.connect-timeout=2s",
        "wxpay.request-timeout=5s",
        "wxpay.retries=1",
    };
  }

  @Test
  void aCallThroughTheBeanIsSignedAndItsAnswerVerified() {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000001",
        StubResponse.json("{\"transaction_id\":\"4200000001\",\"trade_state\":\"SUCCESS\"}"));
    runner.withPropertyValues(publicKeySetup()).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(WechatPay.class);
      WechatPay wxpay = context.getBean(WechatPay.class);
      assertThat(wxpay.mchid()).isEqualTo(sandbox.mchid());
      assertThat(wxpay.baseUri()).isEqualTo(sandbox.baseUri());

      Object answer = query(wxpay, "4200000001");

      assertThat(answer).hasToString("{transaction_id=4200000001, trade_state=SUCCESS}");
      RecordedRequest request = sandbox.lastRequest();
      assertThat(request.uri()).isEqualTo("/v3/pay/transactions/id/4200000001");
      assertThat(request.signatureValid()).as(String.valueOf(request.rejection())).isTrue();
    });
  }

  @Test
  void aTamperedAnswerFailsTheCallSoTheWeChatPayKeyIsInUse() {
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000002",
        StubResponse.json("{\"transaction_id\":\"4200000002\"}").tamperSignature());
    runner.withPropertyValues(publicKeySetup()).run(context -> {
      WechatPay wxpay = context.getBean(WechatPay.class);
      assertThatThrownBy(() -> query(wxpay, "4200000002")).isInstanceOf(WechatPayException.class);
    });
  }

  @Test
  void pemTextAndLocationsSwapPlaces() throws IOException {
    Path publicKeyFile = Files.writeString(dir.resolve("pub_key.pem"), sandbox.wechatpayPublicKeyPem(),
        StandardCharsets.US_ASCII);
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000003", StubResponse.json("{}"));
    runner.withPropertyValues(
        "wxpay.mchid=" + sandbox.mchid(),
        "wxpay.merchant-serial-no=" + sandbox.merchantSerialNo(),
        "wxpay.private-key-pem=" + sandbox.merchantPrivateKeyPem(),
        "wxpay.public-key-id=" + sandbox.wechatpayPublicKeyId(),
        "wxpay.public-key=file:" + publicKeyFile,
        "wxpay.base-uri=" + sandbox.baseUri()).run(context -> {
          assertThat(context).hasNotFailed();
          query(context.getBean(WechatPay.class), "4200000003");
          assertThat(sandbox.lastRequest().signatureValid()).isTrue();
        });
  }

  @Test
  void platformCertificatesAreDownloadedAtStartUp() {
    try (WechatPaySandbox certificates = WechatPaySandbox.builder()
        .verification(SandboxVerification.CERTIFICATE).start()) {
      certificates.stub("GET", "/v3/pay/transactions/id/4200000004", StubResponse.json("{}"));
      runner.withPropertyValues(
          "wxpay.mchid=" + certificates.mchid(),
          "wxpay.merchant-serial-no=" + certificates.merchantSerialNo(),
          "wxpay.private-key-pem=" + certificates.merchantPrivateKeyPem(),
          "wxpay.platform-certificates=true",
          "wxpay.api-v3-key=" + certificates.apiV3Key(),
          "wxpay.base-uri=" + certificates.baseUri()).run(context -> {
            assertThat(context).hasNotFailed();
            query(context.getBean(WechatPay.class), "4200000004");
            assertThat(certificates.requests()).extracting(RecordedRequest::uri)
                .containsExactly("/v3/certificates?algorithm_type=RSA", "/v3/pay/transactions/id/4200000004");
          });
    }
  }

  @Test
  void aWrongPrivateKeyFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(publicKeySetup())
        .withPropertyValues("wxpay.private-key=", "wxpay.private-key-pem=" + sandbox.wechatpayPublicKeyPem())
        .run(context -> {
          InvalidWxpayPropertyException failure = failure(context);
          assertThat(failure.getProperty()).isEqualTo("wxpay.private-key-pem");
          assertThat(failure).hasMessageStartingWith("wxpay.private-key-pem: not a PEM private key (");
          assertThat(failure.getMessage()).contains("found a public key or certificate")
              .doesNotContain(pemBody(sandbox.wechatpayPublicKeyPem()));
        });
  }

  @Test
  void aMissingKeyFileFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(publicKeySetup())
        .withPropertyValues("wxpay.private-key=file:" + dir.resolve("nowhere.pem"))
        .run(context -> assertThat(failure(context))
            .hasMessageStartingWith("wxpay.private-key: no file at file:"));
  }

  @Test
  void aWrongPublicKeyFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(publicKeySetup())
        .withPropertyValues("wxpay.public-key=-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
        .run(context -> assertThat(failure(context))
            .hasMessageStartingWith("wxpay.public-key: not a PEM public key or certificate ("));
  }

  @Test
  void platformCertificatesWithoutTheApiV3KeyFailStartUpNamingTheProperty() {
    runner.withPropertyValues(
        "wxpay.mchid=" + sandbox.mchid(),
        "wxpay.merchant-serial-no=" + sandbox.merchantSerialNo(),
        "wxpay.private-key=file:" + privateKeyFile,
        "wxpay.platform-certificates=true").run(context -> {
          InvalidWxpayPropertyException failure = failure(context);
          assertThat(failure.getProperty()).isEqualTo("wxpay.api-v3-key");
          assertThat(failure).hasMessageStartingWith("wxpay.api-v3-key: missing;");
        });
  }

  @Test
  void anApiV3KeyOfTheWrongLengthFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(publicKeySetup()).withPropertyValues("wxpay.api-v3-key=short").run(context -> {
      InvalidWxpayPropertyException failure = failure(context);
      assertThat(failure).hasMessage("wxpay.api-v3-key: the APIv3 key must be 32 bytes, got 5");
    });
  }

  @Test
  void noVerificationKeyFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(
        "wxpay.mchid=" + sandbox.mchid(),
        "wxpay.merchant-serial-no=" + sandbox.merchantSerialNo(),
        "wxpay.private-key=file:" + privateKeyFile).run(context ->
            assertThat(failure(context)).hasMessageStartingWith("wxpay.public-key: missing;"));
  }

  @Test
  void aPlainHttpBaseUriFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(publicKeySetup()).withPropertyValues("wxpay.base-uri=http://example.com/")
        .run(context -> assertThat(failure(context).getProperty()).isEqualTo("wxpay.base-uri"));
  }

  @Test
  void theFailureAnalysisLeadsWithTheProperty() {
    runner.withPropertyValues(publicKeySetup()).withPropertyValues("wxpay.merchant-serial-no=").run(context -> {
      FailureAnalysis analysis = new WxpayPropertyFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).startsWith(
          "The WeChat Pay client could not be made: wxpay.merchant-serial-no: missing;");
      assertThat(analysis.getAction()).contains("wxpay.merchant-serial-no");
    });
  }

  @Test
  void withoutAMerchantIdThereIsNoBean() {
    runner.withPropertyValues("wxpay.public-key-id=" + sandbox.wechatpayPublicKeyId())
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WechatPay.class));
  }

  @Test
  void anApplicationsOwnClientWins() {
    try (WechatPay own = sandbox.client()) {
      runner.withPropertyValues(publicKeySetup())
          .withBean(WechatPay.class, () -> own, definition -> definition.setDestroyMethodName(null))
          .run(context -> assertThat(context).hasSingleBean(WechatPay.class).getBean(WechatPay.class)
              .isSameAs(own));
    }
  }

  @Test
  void customizersSeeTheBuilder() {
    // No wxpay.base-uri: the call reaches the sandbox only because the customizer set it.
    sandbox.stub("GET", "/v3/pay/transactions/id/4200000005", StubResponse.json("{}"));
    runner.withPropertyValues(java.util.Arrays.stream(publicKeySetup())
            .filter(property -> !property.startsWith("wxpay.base-uri=")).toArray(String[]::new))
        .withBean(WechatPayBuilderCustomizer.class, () -> builder -> builder.baseUri(sandbox.baseUri()))
        .run(context -> {
          query(context.getBean(WechatPay.class), "4200000005");
          assertThat(sandbox.lastRequest().uri()).isEqualTo("/v3/pay/transactions/id/4200000005");
        });
  }

  @Test
  void toStringNeverShowsKeysOrTheApiV3Key() {
    runner.withPropertyValues(publicKeySetup())
        .withPropertyValues("wxpay.private-key=" + sandbox.merchantPrivateKeyPem()).run(context -> {
          String text = context.getBean(WxpayProperties.class).toString();
          assertThat(text).contains("mchid=" + sandbox.mchid())
              .doesNotContain("BEGIN", sandbox.apiV3Key(), pemBody(sandbox.merchantPrivateKeyPem()));
        });
  }

  private static String pemBody(String pem) {
    return pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
  }

  private static Object query(WechatPay wxpay, String id) {
    JsonAdapter<Object> adapter = new Moshi.Builder().build().adapter(Object.class);
    return wxpay.create(TestEndpoint.class).caller().execute(
        Operation.of("GET", "v3/pay/transactions/id/{transaction_id}", adapter).call()
            .path("transaction_id", id)
            .build());
  }

  private static InvalidWxpayPropertyException failure(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidWxpayPropertyException invalid) {
        return invalid;
      }
    }
    throw new AssertionError("no InvalidWxpayPropertyException in", failure);
  }
}
