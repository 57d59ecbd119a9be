package io.github.ipvs4j;

import io.github.ipvs4j.testing.InMemoryIpvsClient;

import static io.github.ipvs4j.Scheduler.WRR;
import static io.github.ipvs4j.ServiceKey.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's fluent example, verbatim, so that it compiles with the build. Here {@link Ipvs#open()} finds the
 * in-memory test provider; with ipvs-netlink on the path it talks to the kernel.
 */
class ReadmeExampleTest {

  static void readmeExample() {
    // --- README example begins ---
    try (IpvsClient ipvs = Ipvs.open()) {
      var web = ipvs.service(tcp("192.0.2.10", 80)).scheduler(WRR).persistence(Duration.ofMinutes(5)).create();
      web.destination("198.51.100.11", 8080).masquerade().weight(3).add();
      web.destination("198.51.100.12", 8080).masquerade().weight(1).add();
      ipvs.services().forEach(System.out::println);
    }
    // --- README example ends ---
  }

  @Test
  void readmeExampleRunsAgainstTheInMemoryProvider() {
    assertThat(Ipvs.providers()).extracting(p -> p.name()).contains("in-memory (tests)");
    readmeExample();
  }

  @Test
  void theExampleBuildsWhatItSays() {
    try (IpvsClient ipvs = new InMemoryIpvsClient()) {
      var web = ipvs.service(tcp("192.0.2.10", 80)).scheduler(WRR).persistence(Duration.ofMinutes(5)).create();
      web.destination("198.51.100.11", 8080).masquerade().weight(3).add();
      web.destination("198.51.100.12", 8080).masquerade().weight(1).add();
      IpvsTable table = ipvs.snapshot();
      assertThat(table.services()).hasSize(1);
      ServiceConfig s = table.services().get(0);
      assertThat(s.service().scheduler()).isEqualTo(WRR);
      assertThat(s.service().persistence()).contains(Persistence.ofSeconds(300));
      assertThat(s.destinations())
          .extracting(Destination::weight, Destination::forwarding)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(3, ForwardingMethod.MASQUERADE),
              org.assertj.core.groups.Tuple.tuple(1, ForwardingMethod.MASQUERADE));
      assertThat(s.toString())
          .startsWith("TCP 192.0.2.10:80 wrr persistent 300")
          .contains("-> 198.51.100.11:8080 Masq 3");
    }
  }

  /** The README's code must be this file's code: the block between the markers, line for line. */
  @Test
  void readmeShowsThisExampleVerbatim() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String readme = Files.readString(module.resolveSibling("README.md"), StandardCharsets.UTF_8);
    int open = readme.indexOf("```java\n");
    assertThat(open).as("a java block in README.md").isNotNegative();
    String block = readme.substring(open + "```java\n".length(), readme.indexOf("```", open + 7));
    List<String> readmeTry = trimmed(block.substring(block.indexOf("try (")));

    String source = Files.readString(
        module.resolve("src/test/java/io/github/ipvs4j/ReadmeExampleTest.java"), StandardCharsets.UTF_8);
    String between = source.substring(
        source.indexOf("// --- README example begins ---") + "// --- README example begins ---".length(),
        source.indexOf("    // --- README example ends ---"));
    assertThat(readmeTry).isEqualTo(trimmed(between));
    assertThat(trimmed(block)).as("the README's imports")
        .contains("import io.github.ipvs4j.*;", "import static io.github.ipvs4j.ServiceKey.tcp;",
            "import static io.github.ipvs4j.Scheduler.WRR;", "import java.time.Duration;");
  }

  private static List<String> trimmed(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
  }
}
