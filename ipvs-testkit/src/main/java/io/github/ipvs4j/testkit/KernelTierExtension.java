package io.github.ipvs4j.testkit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link KernelTest} and {@link KernelTier}.
 *
 * <p>Before each test it fails the test (with the reason) unless the process runs in a kernel tier. It
 * resolves parameters of type {@link TestNetns} (a namespace created for this test and deleted after it) and
 * {@link Ipvsadm} (the real ipvsadm inside that same namespace).
 */
public final class KernelTierExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(KernelTierExtension.class);

  /** Creates the extension; JUnit does this. */
  public KernelTierExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    KernelEnvironment.problem()
        .ifPresent(
            reason -> {
              throw new AssertionError("not in a kernel tier: " + reason);
            });
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestNetns.class || type == Ipvsadm.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    KernelEnvironment.problem()
        .ifPresent(
            reason -> {
              throw new ParameterResolutionException("not in a kernel tier: " + reason);
            });
    TestNetns netns =
        context
            .getStore(STORE)
            .getOrComputeIfAbsent(TestNetns.class, key -> TestNetns.create(), TestNetns.class);
    return parameter.getParameter().getType() == TestNetns.class ? netns : Ipvsadm.in(netns);
  }
}
