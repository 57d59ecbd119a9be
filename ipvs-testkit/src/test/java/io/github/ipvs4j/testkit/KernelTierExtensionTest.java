package io.github.ipvs4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Host tier: outside the VM and the test namespace, a kernel test fails; it is never skipped. */
class KernelTierExtensionTest {

  @Test
  void kernelTestFailsOutsideAKernelTier() {
    if (KernelEnvironment.problem().isEmpty()) {
      throw new AssertionError("this host-tier test expects to run outside a kernel tier");
    }
    Events tests =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Guarded.class)).execute().testEvents();

    tests.assertStatistics(stats -> stats.started(2).skipped(0).aborted(0).failed(2).succeeded(0));
    tests.assertThatEvents()
        .haveExactly(
            1,
            event(
                test("needsTheKernel"),
                finishedWithFailure(message(m -> m.contains("IPVS4J_KERNEL_TIER is not set")))))
        .haveExactly(
            1,
            event(
                test("needsANamespace"),
                finishedWithFailure(message(m -> m.contains("IPVS4J_KERNEL_TIER is not set")))));
  }

  @Test
  void kernelTestCarriesTheKernelTag() throws NoSuchMethodException {
    Method method = Guarded.class.getDeclaredMethod("needsTheKernel");
    Tag tag = KernelTest.class.getAnnotation(Tag.class);

    assertThat(method.isAnnotationPresent(KernelTest.class)).isTrue();
    assertThat(tag.value()).isEqualTo("kernel").isEqualTo(KernelTier.TAG);
    assertThat(KernelTier.class.getAnnotation(Tag.class).value()).isEqualTo("kernel");
  }

  /** Run only through EngineTestKit above; its name keeps it out of surefire and the console launcher. */
  static class Guarded {
    @KernelTest
    void needsTheKernel() {}

    @KernelTest
    void needsANamespace(TestNetns netns) {
      throw new AssertionError("must not be reached: " + netns);
    }
  }
}
