package io.quorumlab.harness.cluster.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the host check makes of a host's answers, and how hosts are named. */
class HostCheckTest {
  private static final String DIR = "/var/tmp/quorumlab";

  private static List<String> problems(String answers) {
    return HostCheck.problems(HostCheck.Answers.parse(answers), DIR, 7000);
  }

  @Test
  void aFitHostHasNoProblem() {
    assertThat(problems("uid=0\njava=/usr/bin/java\njavaversion=17\niptables=/usr/sbin/iptables\n")).isEmpty();
    assertThat(problems("uid=1000\nsudo=yes\njava=/usr/bin/java\njavaversion=21\niptables=/usr/sbin/iptables\n")).isEmpty();
  }

  @Test
  void anOldOrMissingJavaIsNamed() {
    assertThat(problems("uid=0\njava=/usr/bin/java\njavaversion=1.8\niptables=/sbin/iptables\n"))
        .singleElement().asString().contains("version 1.8, not 17 or newer");
    assertThat(problems("uid=0\njava=/usr/bin/java\njavaversion=11\niptables=/sbin/iptables\n"))
        .singleElement().asString().contains("version 11, not 17");
    assertThat(problems("uid=0\njava=\niptables=/sbin/iptables\n")).singleElement().asString().startsWith("no java on its PATH");
  }

  @Test
  void noRootNoIptablesAndLeftoversAreEachNamed() {
    assertThat(problems("uid=1000\nsudo=no\njava=/usr/bin/java\njavaversion=17\niptables=\n"))
        .containsExactly("the login is not root and has no password-less sudo (iptables needs root)");
    assertThat(problems("uid=0\njava=/usr/bin/java\njavaversion=17\niptables=\nleftover=yes\nportbusy=yes\nchain=present\n"))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).startsWith("no iptables"))
        .anySatisfy(p -> assertThat(p).isEqualTo(DIR + " of another run is there: remove it if no run uses this host"))
        .anySatisfy(p -> assertThat(p).isEqualTo("something listens on the node port 7000"))
        .anySatisfy(p -> assertThat(p).startsWith("the iptables chain QL_PART of another run is there"));
    // The other run's live node explains the busy port: one problem, with its pid.
    assertThat(problems("uid=0\njava=/usr/bin/java\njavaversion=17\niptables=/sbin/iptables\nleftover=yes\nleftoverpid=42\nportbusy=yes\n"))
        .containsExactly(DIR + " of another run is there and its node (pid 42) runs: stop that run, or kill 42 and remove " + DIR);
  }

  @Test
  void hostsAreParsedFromAListOrAFileAndRepeatsAreRefused() {
    assertThat(SshHost.parseAll("h1, h2:2222,\n# a comment\n\n10.0.0.3 # the third\n", 22))
        .containsExactly(new SshHost("h1", 22), new SshHost("h2", 2222), new SshHost("10.0.0.3", 22));
    assertThatThrownBy(() -> SshHost.parseAll("h1,h1", 22)).isInstanceOf(SpecException.class).hasMessageContaining("one host twice");
    assertThatThrownBy(() -> SshHost.parse("h1:ssh", 22)).isInstanceOf(SpecException.class).hasMessageContaining("must be a port number");
    assertThatThrownBy(() -> SshHost.parse("h1:0", 22)).isInstanceOf(SpecException.class).hasMessageContaining("not in 1..65535");
  }
}
