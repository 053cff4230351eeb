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
    assertThat(problems("uid=0\njava=/usr/bin/java\njavaversion=17\niptables=\nleftover=yes\nportbusy=yes\nchain.QL_PART=present\n"))
        .containsExactly("no iptables (apt-get install iptables)",
            "a previous run left " + DIR + ", the iptables chain QL_PART there: if no run uses this host any more, clean it as root with"
                + " `rm -rf " + DIR + "; for c in QL_PART; do iptables -w -D INPUT -j $c; iptables -w -F $c; iptables -w -X $c; done`",
            "something listens on the node port 7000");
  }

  /**
   * What a harness killed with kill -9 leaves: its live (maybe paused) node, the directory, both
   * chains and the shaping; the other run's live node explains the busy port. One phrase, one line to clean it all.
   */
  @Test
  void everythingAKilledHarnessLeftIsNamedWithOneLineThatRemovesIt() {
    assertThat(problems("uid=0\njava=/usr/bin/java\njavaversion=17\niptables=/sbin/iptables\nleftover=yes\nleftoverpid=42\nportbusy=yes\n"
        + "chain.QL_PART=present\nchain.QL_LOSS=present\nnetem=eth0 \n"))
        .containsExactly("a previous run left its node (pid 42, still running), " + DIR + ", the iptables chains QL_PART and QL_LOSS,"
            + " netem shaping on eth0 there: if no run uses this host any more, clean it as root with `kill -9 42; rm -rf " + DIR
            + "; for c in QL_PART QL_LOSS; do iptables -w -D INPUT -j $c; iptables -w -F $c; iptables -w -X $c; done;"
            + " tc qdisc del dev eth0 root`");
  }

  /** Shaping alone may be the host's own: it is named only beside the other traces of a run. */
  @Test
  void shapingAloneIsNotALeftover() {
    assertThat(problems("uid=0\njava=/usr/bin/java\njavaversion=17\niptables=/sbin/iptables\nnetem=eth0\n")).isEmpty();
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
