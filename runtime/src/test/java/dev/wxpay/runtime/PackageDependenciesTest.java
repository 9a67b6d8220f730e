package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Internal packages and the spi do not reach back into the API package: the API depends on them, never the other
 * way round. Read from the compiled classes, whose constant pools name every class they use.
 */
class PackageDependenciesTest {
  /** A class of the main package, as a class file names it: {@code dev/wxpay/runtime/} and a type. */
  private static final Pattern MAIN_PACKAGE_CLASS = Pattern.compile("dev/wxpay/runtime/[A-Z][A-Za-z0-9_$]*");
  /** The folders checked: the internal packages and the generated-code contract. */
  private static final List<String> PACKAGES = List.of("dev/wxpay/runtime/internal", "dev/wxpay/runtime/spi", "dev/wxpay/runtime/http");

  @Test
  void internalPackagesUseNothingFromDevWxpayRuntime() throws IOException, URISyntaxException {
    Path classes = Path.of(WechatPay.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> found = new ArrayList<>();
    int checked = 0;
    for (String folder : PACKAGES) {
      try (Stream<Path> files = Files.walk(classes.resolve(folder))) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          checked++;
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          Matcher m = MAIN_PACKAGE_CLASS.matcher(text);
          while (m.find()) {
            found.add(classes.relativize(file) + " uses " + m.group());
          }
        }
      }
    }
    assertFalse(checked == 0, "no classes under " + classes);
    assertEquals(List.of(), found);
  }
}
