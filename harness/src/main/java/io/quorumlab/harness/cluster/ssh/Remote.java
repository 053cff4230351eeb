package io.quorumlab.harness.cluster.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * One logged-in SSH session to one host. Every command is a shell script sent on the channel's
 * stdin to {@code sh -s} (so that nothing needs quoting for a remote shell), run as root through
 * {@code sudo -n} when it must be and the login is not root; uploads are {@code cat > FILE} with the
 * file on stdin. Several channels may run at once on one session.
 */
final class Remote implements AutoCloseable {
  /** What a script printed (stdout and stderr together) and how it ended. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  final SshHost host;
  final String address;
  private final ClientSession session;
  private volatile boolean root;

  Remote(SshHost host, String address, ClientSession session) {
    this.host = host;
    this.address = address;
    this.session = session;
  }

  /** Whether scripts run as root need no sudo (learnt by the host check). */
  void loggedInAsRoot(boolean value) {
    root = value;
  }

  Result run(String script, Duration timeout) throws IOException {
    return run(script, false, timeout);
  }

  /** Runs {@code script} with {@code sh -s}, as root when {@code asRoot}. */
  Result run(String script, boolean asRoot, Duration timeout) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = exec(asRoot && !root ? "sudo -n sh -s" : "sh -s",
        new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, timeout);
    return new Result(code, out.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code script} and writes what it prints on stdout to {@code out} (a log, say). */
  int runInto(String script, OutputStream out, Duration timeout) throws IOException {
    return exec("sh -s", new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, timeout);
  }

  /** Writes {@code content} to {@code remotePath} (made, or replaced). */
  void upload(InputStream content, String remotePath, Duration timeout) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = exec("cat > '" + remotePath + "'", content, out, timeout);
    if (code != 0) throw new IOException(host + ": could not write " + remotePath + ": " + out.toString(StandardCharsets.UTF_8).strip());
  }

  private int exec(String command, InputStream in, OutputStream out, Duration timeout) throws IOException {
    try (ChannelExec ch = session.createExecChannel(command)) {
      ch.setIn(in);
      ch.setOut(out);
      ch.setErr(out);
      ch.open().verify(timeout);
      Set<ClientChannelEvent> ended = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), timeout);
      if (!ended.contains(ClientChannelEvent.EXIT_STATUS) && !ended.contains(ClientChannelEvent.CLOSED)) {
        throw new IOException(host + ": a command did not finish within " + timeout.toSeconds() + " s");
      }
      // The exit status may come just before the channel closes with the rest of the output.
      ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(5));
      Integer status = ch.getExitStatus();
      if (status == null) throw new IOException(host + ": the connection closed before a command ended");
      return status;
    }
  }

  boolean isOpen() {
    return session.isOpen();
  }

  @Override
  public void close() {
    try {
      session.close(true);
    } catch (RuntimeException e) {
      // closing anyway
    }
  }

  @Override
  public String toString() {
    return host.toString();
  }
}
