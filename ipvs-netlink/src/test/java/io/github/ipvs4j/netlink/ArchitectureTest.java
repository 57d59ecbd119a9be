package io.github.ipvs4j.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules of the module's package structure that the compiler does not check. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path TRANSPORT = MAIN.resolve("io/github/ipvs4j/netlink/transport");
  private static final Pattern JNR = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?jnr\\.|\\bjnr\\.ffi\\.");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
  }

  @Test
  void onlyTransportTouchesJnr() throws IOException {
    List<Path> sources = sources();
    assertThat(sources).isNotEmpty();
    List<Path> offenders =
        sources.stream()
            .filter(p -> !p.startsWith(TRANSPORT))
            .filter(p -> !p.getFileName().toString().equals("module-info.java"))
            .filter(p -> JNR.matcher(read(p)).find())
            .collect(Collectors.toList());
    assertThat(offenders).as("files outside ...netlink.transport that use jnr").isEmpty();
    // and the rule is not vacuous: transport does use jnr
    assertThat(sources.stream().filter(p -> p.startsWith(TRANSPORT)).anyMatch(p -> JNR.matcher(read(p)).find()))
        .isTrue();
  }

  @Test
  void codecUsesNoSockets() throws IOException {
    Path codec = MAIN.resolve("io/github/ipvs4j/netlink/codec");
    List<Path> offenders =
        sources().stream()
            .filter(p -> p.startsWith(codec))
            .filter(p -> read(p).contains("io.github.ipvs4j.netlink.transport"))
            .collect(Collectors.toList());
    assertThat(offenders).as("codec files that depend on the transport").isEmpty();
  }

  @Test
  void moduleExportsTheJnrBindingPackage() {
    // jnr-ffi defines its generated class in an unnamed module: the binding package must be exported unqualified.
    assertThat(read(MAIN.resolve("module-info.java")))
        .contains("exports io.github.ipvs4j.netlink.transport.internal.ffi;")
        .contains("requires org.objectweb.asm;");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
