package io.quorumlab.harness.cluster.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Three sshd containers shared by the tests of a class (which still needs {@code @RequiresDocker}
 * and {@code @RequiresSshHosts}: they are not inherited); the last {@code withoutJava} have no java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThreeSshHosts {
  /** The CLI's main class, for the tests that run it in a child JVM. */
  static final String MAIN = "io.quorumlab.harness.cli.Main";

  private final int withoutJava;
  SshHostContainers hosts;
  List<SshHost> all;

  ThreeSshHosts(int withoutJava) {
    this.withoutJava = withoutJava;
  }

  @BeforeAll
  void startHosts() throws Exception {
    hosts = new SshHostContainers();
    all = hosts.start(3, withoutJava);
  }

  @AfterAll
  void removeHosts() {
    if (hosts != null) hosts.close();
  }

  /** Nothing of a run on these hosts: no directory, node process, chain or shaping. */
  void assertUntouched(int... indexes) throws InterruptedException {
    for (int i : indexes) assertThat(hosts.traces(i)).as("what is on %s", all.get(i)).isEmpty();
  }
}
