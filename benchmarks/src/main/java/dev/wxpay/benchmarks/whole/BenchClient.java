package dev.wxpay.benchmarks.whole;

import dev.wxpay.benchmarks.transports.BenchTransports;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One client under test: it makes the restart call, and returns only after a verified, decoded answer. */
public interface BenchClient extends AutoCloseable {

  /** Makes one call; throws if it failed, the answer's signature did not verify, or it decoded wrong. */
  void call() throws Exception;

  @Override
  default void close() {}

  /** Where a client calls, with which keys, trusting which certificate (null: plain HTTP). */
  record Setup(URI baseUri, Fixture.ClientKeys keys, Fixture.@Nullable Trust trust) {}

  /**
   * The clients the runner knows by name: {@code official}, {@code bare}, {@code wxpay-default} and
   * {@code wxpay-<transport>} for each of {@link BenchTransports#ALL}; and {@code bare-unverified}, the bare
   * client with its verification left out on purpose, which the check must catch.
   */
  static List<String> defaults(List<String> transports) {
    List<String> names = new ArrayList<>(List.of("official", "bare", "wxpay-default"));
    for (String transport : transports) {
      names.add("wxpay-" + transport);
    }
    return names;
  }

  /** The client of that name. */
  static BenchClient create(String name, Setup setup) throws Exception {
    switch (name) {
      case "official":
        return new OfficialClient(setup);
      case "bare":
        return new BareClient(setup, true);
      case "bare-unverified":
        return new BareClient(setup, false);
      case "wxpay-default":
        return WxpayClient.withDefaultTransport(setup);
      default:
        if (name.startsWith("wxpay-")) {
          return WxpayClient.withTransport(setup, name.substring("wxpay-".length()));
        }
        throw new IllegalArgumentException("unknown client " + name);
    }
  }

  /** Checks a decoded stock id, so that a client that decodes nothing cannot pass. */
  static void expectStock(@Nullable String stockId) {
    if (!Fixture.STOCK_ID.equals(stockId)) {
      throw new IllegalStateException("answer decoded to stock_id " + stockId);
    }
  }
}
