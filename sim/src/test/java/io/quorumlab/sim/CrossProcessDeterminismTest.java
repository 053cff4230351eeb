package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs that agree within one JVM may still differ across JVMs: the iteration order of
 * {@code Set.of}/{@code Map.of} and of identity-hashed collections changes from one JVM to the next.
 * A seed must replay the same run in a fresh process, so this compares with one.
 */
class CrossProcessDeterminismTest {

  @Test
  void aSeedGivesTheSameRunInAnotherJvm() throws IOException, InterruptedException {
    long seed = 5;
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        DigestMain.class.getName(), Long.toString(seed))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String child = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(child).isEqualTo(Long.toHexString(DigestMain.digest(seed)));
  }
}
