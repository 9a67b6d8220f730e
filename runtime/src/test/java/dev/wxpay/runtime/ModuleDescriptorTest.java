package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module users see: what it exports and what it passes on to them. Runs on the module path. */
class ModuleDescriptorTest {
  private final Module module = WechatPay.class.getModule();

  @Test
  void theTestsRunInsideTheNamedModule() {
    assertTrue(module.isNamed(), "surefire should patch the tests into the module");
    assertEquals("dev.wxpay.runtime", module.getName());
  }

  @Test
  void onlyTheApiAndTheGeneratedCodeContractAreExported() {
    ModuleDescriptor descriptor = module.getDescriptor();
    Set<String> exported = descriptor.exports().stream()
        .map(export -> export.source() + (export.isQualified() ? " to " + export.targets() : ""))
        .collect(Collectors.toSet());
    assertEquals(Set.of("dev.wxpay.runtime", "dev.wxpay.runtime.spi", "dev.wxpay.runtime.http"), exported);
    assertTrue(descriptor.opens().isEmpty(), descriptor.opens().toString());
    assertTrue(descriptor.packages().contains("dev.wxpay.runtime.internal.crypto"), descriptor.packages().toString());
  }

  @Test
  void whatExportedSignaturesUseIsReadByUsersToo() {
    Map<String, Boolean> requires = new TreeMap<>();
    for (ModuleDescriptor.Requires r : module.getDescriptor().requires()) {
      requires.put(r.name(), r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE));
    }
    for (String transitive : new String[] {"com.squareup.moshi", "org.jspecify", "dev.wxpay.annotations", "java.net.http"}) {
      assertEquals(Boolean.TRUE, requires.get(transitive), transitive + " in " + requires);
    }
  }
}
