package dev.wxpay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build files and recipes the README shows are the ones built and run in every verify (the user
 * projects under src/it, {@link ObservabilityRecipesTest}), so that a snippet cannot drift from what works.
 */
class ReadmeBuildFilesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path PROJECTS = Path.of("src", "it");

  @Test
  void theJavaPomIsTheJavaUserProjects() throws IOException {
    assertEquals(read(PROJECTS.resolve("java-user/pom.xml")), block("java-user/pom.xml"));
  }

  @Test
  void theKotlinBuildSectionIsTheKotlinUserProjects() throws IOException {
    assertEquals(section("kotlin-user/pom.xml", "  <build>.*</build>"), block("kotlin-user/pom.xml build"));
  }

  @Test
  void theSpringBootDependenciesAreTheSpringUserProjects() throws IOException {
    assertEquals(section("spring-user/pom.xml", "  <dependencyManagement>.*</dependencies>"),
        block("spring-user/pom.xml dependencies"));
  }

  @Test
  void theSpringBootClassesAreTheSpringUserProjects() throws IOException {
    String test = read(PROJECTS.resolve("spring-user/src/test/java/com/example/shop/CheckoutTest.java"));
    assertEquals(test.substring(test.indexOf("@SpringBootTest")), block("spring-user/CheckoutTest.java"));
    String checkout = read(PROJECTS.resolve("spring-user/src/main/java/com/example/shop/Checkout.java"));
    assertEquals(checkout.substring(checkout.indexOf("@Service")), block("spring-user/Checkout.java"));
  }

  @Test
  void theListenerRecipesAreTheTestedOnes() throws IOException {
    String tested = read(Path.of("src/test/java/dev/wxpay/samples/ObservabilityRecipesTest.java"));
    String readme = read(README);
    for (String heading : new String[] {"**Micrometer**", "**OpenTelemetry**"}) {
      int start = readme.indexOf('\n', readme.indexOf("```java", readme.indexOf(heading))) + 1;
      String recipe = readme.substring(start, readme.indexOf("\n```", start));
      // The test class indents its methods by two spaces.
      String indented = recipe.lines().map(line -> line.isEmpty() ? line : "  " + line)
          .reduce((a, b) -> a + "\n" + b).orElseThrow();
      assertTrue(tested.contains(indented), heading + " recipe differs from ObservabilityRecipesTest");
    }
  }

  /** The part of a user project's file that {@code regex} (across lines) matches. */
  private static String section(String file, String regex) throws IOException {
    Matcher section = Pattern.compile(regex, Pattern.DOTALL).matcher(read(PROJECTS.resolve(file)));
    assertTrue(section.find(), "no " + regex + " in " + file);
    return section.group();
  }

  /** The fenced block after the README's marker {@code <!-- readme:NAME -->}. */
  private static String block(String name) throws IOException {
    String readme = read(README);
    int marker = readme.indexOf("<!-- readme:" + name + " -->");
    assertTrue(marker >= 0, "README has no marker for " + name);
    int start = readme.indexOf('\n', readme.indexOf("```", marker)) + 1;
    int end = readme.indexOf("\n```", start);
    return readme.substring(start, end);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file).strip();
  }
}
