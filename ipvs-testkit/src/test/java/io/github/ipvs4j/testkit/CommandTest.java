package io.github.ipvs4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {

  @Test
  void collectsStatusAndBothOutputs() {
    CommandResult result = Command.run("sh", "-c", "echo out; echo err >&2; exit 3");

    assertThat(result.exitStatus()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.command()).containsExactly("sh", "-c", "echo out; echo err >&2; exit 3");
  }

  @Test
  void orThrowNamesCommandStatusAndOutputs() {
    CommandResult result = Command.run("sh", "-c", "echo out; echo boom >&2; exit 2");

    assertThatThrownBy(result::orThrow)
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("exited with status 2")
        .hasMessageContaining("out")
        .hasMessageContaining("boom");
    assertThat(Command.run("true").orThrow().exitStatus()).isZero();
  }

  @Test
  void standardInputIsEmpty() {
    assertThat(Command.run("cat").stdout()).isEmpty();
  }

  @Test
  void largeOutputDoesNotBlock() {
    CommandResult result = Command.run("seq", "1", "200000");

    assertThat(result.stdout().lines()).hasSize(200_000);
  }

  @Test
  void killsAProcessThatOutlivesItsTimeLimit() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> Command.run(Duration.ofMillis(300), List.of("sleep", "30")))
        .isInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining("sleep 30");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void rejectsAnEmptyCommandAndANonPositiveTimeout() {
    assertThatThrownBy(() -> Command.run(Duration.ofSeconds(1), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argv");
    assertThatThrownBy(() -> Command.run(Duration.ZERO, List.of("true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void aMissingProgramIsAnIoError() {
    assertThatThrownBy(() -> Command.run("ipvs4j-no-such-program"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("ipvs4j-no-such-program");
  }
}
