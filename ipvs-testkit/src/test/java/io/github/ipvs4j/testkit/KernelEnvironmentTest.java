package io.github.ipvs4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelEnvironmentTest {
  @TempDir Path dir;

  @Test
  void unsetTierIsAProblemThatSaysWhereKernelTestsRun() {
    assertThat(KernelEnvironment.problem(Map.of(), dir.resolve("ip_vs")))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("IPVS4J_KERNEL_TIER is not set")
                    .contains("never on the host itself"));
    assertThat(KernelEnvironment.problem(Map.of("IPVS4J_KERNEL_TIER", ""), dir.resolve("ip_vs")))
        .isPresent();
  }

  @Test
  void unknownTierIsAProblem() {
    assertThat(KernelEnvironment.problem(Map.of("IPVS4J_KERNEL_TIER", "host"), dir))
        .hasValue("IPVS4J_KERNEL_TIER=host (expected: one of vm, netns)");
  }

  @Test
  void missingProcFileIsAProblem() {
    Path missing = dir.resolve("ip_vs");

    assertThat(KernelEnvironment.problem(Map.of("IPVS4J_KERNEL_TIER", "vm"), missing))
        .hasValueSatisfying(reason -> assertThat(reason).contains(missing.toString()).contains("no IPVS"));
  }

  @Test
  void eitherTierWithIpvsIsFine() throws IOException {
    Path ipvs = Files.createFile(dir.resolve("ip_vs"));

    assertThat(KernelEnvironment.problem(Map.of("IPVS4J_KERNEL_TIER", "vm"), ipvs)).isEmpty();
    assertThat(KernelEnvironment.problem(Map.of("IPVS4J_KERNEL_TIER", "netns"), ipvs)).isEmpty();
  }
}
