/**
 * The wxpay runtime. {@code dev.wxpay.runtime} is the API applications use: {@code WechatPay}, its
 * notifications, payment-page signatures, uploads, downloads and exceptions. {@code dev.wxpay.runtime.http} is the
 * transport interface HTTP clients plug in through, with the default on the JDK's client. {@code dev.wxpay.runtime.spi}
 * is exported for the code wxpay's processor generates and is not meant for application code. Everything
 * under {@code dev.wxpay.runtime.internal} is not exported.
 *
 * <p>A named module that declares endpoints must export (or open) their package to this module, which
 * loads the generated clients by name.
 */
// Moshi and okio name their modules only in their manifests (Automatic-Module-Name), which keeps the names
// stable; those are the names these warnings are about.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.wxpay.runtime {
  // In exported signatures: Moshi's JsonAdapter, JSpecify's nullness; users declare with the annotations.
  requires transitive com.squareup.moshi;
  requires transitive org.jspecify;
  requires transitive dev.wxpay.annotations;
  // JdkHttpTransport.of takes a java.net.http.HttpClient the user configured.
  requires transitive java.net.http;

  // WxpayDsl is a @kotlin.DslMarker. okio, an automatic module, needs the Kotlin standard library too but
  // cannot bring it into a module graph itself.
  requires transitive kotlin.stdlib;

  // Generated code, ours and users', carries @javax.annotation.processing.Generated: a SOURCE annotation,
  // so java.compiler is needed to compile it (transitive: in users' modules too), never to run it.
  requires static transitive java.compiler;

  requires okio;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;

  exports dev.wxpay.runtime;
  exports dev.wxpay.runtime.spi;
  exports dev.wxpay.runtime.http;
}
