package dev.wxpay.benchmarks.transports;

import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.transport.apache.ApacheHttpTransport;
import dev.wxpay.runtime.http.JdkHttpTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/** The transports the harnesses can put under wxpay, by name; each takes the SSLContext that trusts the server. */
public final class BenchTransports {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Name → factory, in the order reports list them. */
  public static final Map<String, Function<SSLContext, HttpTransport>> ALL = all();

  private BenchTransports() {}

  private static Map<String, Function<SSLContext, HttpTransport>> all() {
    Map<String, Function<SSLContext, HttpTransport>> all = new LinkedHashMap<>();
    all.put("jdk", ssl -> JdkHttpTransport.of(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(HttpClient.Builder.NO_PROXY)
        .sslContext(ssl)
        .build()));
    all.put("apache", ssl -> ApacheHttpTransport.builder().connectTimeout(CONNECT_TIMEOUT).sslContext(ssl).build());
    all.put("okhttp", ssl -> new OkHttpTransport(ssl, CONNECT_TIMEOUT));
    all.put("jetty", ssl -> new JettyTransport(ssl, CONNECT_TIMEOUT));
    return java.util.Collections.unmodifiableMap(all);
  }

  /** The transport of that name. */
  public static HttpTransport create(String name, SSLContext ssl) {
    Function<SSLContext, HttpTransport> factory = ALL.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown transport " + name + "; known: " + ALL.keySet());
    }
    return factory.apply(ssl);
  }
}
