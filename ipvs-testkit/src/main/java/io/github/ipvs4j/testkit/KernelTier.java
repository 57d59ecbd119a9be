package io.github.ipvs4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a whole test class as kernel tier: every test in it carries the {@code kernel} tag, fails outside the
 * ipvs4j VM or a fresh test namespace, and may take a fresh {@link TestNetns} and an {@link Ipvsadm} as
 * parameters. Use it for parameterized or dynamic kernel tests; {@link KernelTest} is the short form for a
 * single method.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Tag(KernelTier.TAG)
@ExtendWith(KernelTierExtension.class)
public @interface KernelTier {
  /** The JUnit tag of the kernel tier; the host tier excludes it. */
  String TAG = "kernel";
}
