package io.quorumlab.harness.cluster.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node scripts, run by this machine's sh on processes of its own (what a host's sh does with them). */
class NodeScriptsTest {

  private static int sh(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-s").redirectErrorStream(true).start();
    p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void killWaitsUntilTheProcessIsGoneAndAwaitGoneSaysWhenItIsNot() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "300").start();
    String pid = String.valueOf(sleeper.pid());
    try {
      assertThat(sh(NodeScripts.awaitGone(pid, 1))).as("a live process is not gone").isEqualTo(1);
      assertThat(sh(NodeScripts.signal(pid, "STOP"))).isZero();
      // Killed while stopped, it becomes our zombie until this JVM reaps it: gone all the same.
      assertThat(sh(NodeScripts.kill(pid))).isZero();
      assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(sh(NodeScripts.awaitGone(pid, 1))).as("a reaped process is gone").isZero();
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void claimTakesAnEmptyPlaceOnceAndRemoveAllGivesItBack(@TempDir Path tmp) throws Exception {
    String dir = tmp.resolve("quorumlab").toString();
    assertThat(sh(NodeScripts.claim(dir, "ql1"))).isZero();
    assertThat(Files.readString(Path.of(dir, "run")).strip()).isEqualTo("ql1");
    assertThat(sh(NodeScripts.claim(dir, "ql2"))).as("a second run on the same host").isEqualTo(1);
    Process node = new ProcessBuilder("sleep", "300").start();
    try {
      Files.writeString(Path.of(dir, "node.pid"), node.pid() + "\n");
      assertThat(sh(NodeScripts.removeAll(dir))).isZero();
      assertThat(node.waitFor(10, TimeUnit.SECONDS)).as("the node was killed").isTrue();
      assertThat(Path.of(dir)).doesNotExist();
    } finally {
      node.destroyForcibly();
    }
  }

  /** A node launched by a heal that a second Ctrl-C interrupted before its pid was written. */
  @Test
  void removeAllAlsoKillsANodeThatHasNoPidFileYet(@TempDir Path tmp) throws Exception {
    String dir = tmp.resolve("quorumlab").toString();
    Files.createDirectories(Path.of(dir));
    // a process with the node's --config argument: sh waiting on a read (no child), never exiting alone
    Process node = new ProcessBuilder("sh", "-c", "read x", "node", "--config", dir + "/node.json").start();
    Process other = new ProcessBuilder("sh", "-c", "read x", "node", "--config", dir + "-other/node.json").start();
    try {
      assertThat(node.isAlive()).isTrue();
      assertThat(sh(NodeScripts.removeAll(dir))).isZero();
      assertThat(node.waitFor(10, TimeUnit.SECONDS)).as("the node without a pid file was killed").isTrue();
      assertThat(other.isAlive()).as("a process for another directory is left alone").isTrue();
      assertThat(Path.of(dir)).doesNotExist();
    } finally {
      node.destroyForcibly();
      other.destroyForcibly();
    }
  }

  @Test
  void startQuotesEveryArgumentForTheHostsShell() {
    String s = NodeScripts.start("/var/tmp/quorumlab", java.util.List.of("-Dx=it's"), "/a:/b", "Main");
    assertThat(s).contains("setsid nohup 'java' '-Dx=it'\\''s' '-cp' '/a:/b' 'Main' 'serve' '--config' '/var/tmp/quorumlab/node.json'");
  }
}
