package io.github.ipvs4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A kernel-tier test: a {@link Test} with the {@code kernel} tag that fails, never skips, outside the ipvs4j
 * VM or a fresh test namespace, and that can take a fresh {@link TestNetns} and an {@link Ipvsadm} bound to it
 * as parameters.
 *
 * <p>Run with {@code ./mvnw verify -Pkernel} in a module that sets {@code ipvs.kernel.skip} to {@code false}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@Tag(KernelTier.TAG)
@ExtendWith(KernelTierExtension.class)
public @interface KernelTest {}
