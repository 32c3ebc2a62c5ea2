package dev.tracekit.recorder.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that loads BPF programs into the running kernel. Skipped with a one-line reason where that is not
 * possible (not root, no BPF), unless TRACEKIT_REQUIRE_BPF=1, where it fails instead: CI never skips it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel")
@ExtendWith(BpfAvailability.class)
public @interface KernelTest {
}
