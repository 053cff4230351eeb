package io.quorumlab.harness.testing;

import io.quorumlab.harness.cluster.Classpath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a child JVM (a harness the tests can interrupt). */
public final class ChildJvm {
  public final Process process;
  public final String readyLine;
  public final String output;

  private ChildJvm(Process process, String readyLine, String output) {
    this.process = process;
    this.readyLine = readyLine;
    this.output = output;
  }

  /** Starts {@code main} and waits for its line starting with {@code READY } (or its exit). */
  public static ChildJvm start(Map<String, String> env, Class<?> main, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-XX:TieredStopAtLevel=1", "-cp", Classpath.join(Classpath.current()), main.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("READY ")) seen.append(line).append('\n');
    // Keep draining so the child never blocks on a full pipe.
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discard
        }
      } catch (java.io.IOException e) {
        // child gone
      }
    });
    drain.setDaemon(true);
    drain.start();
    return new ChildJvm(p, line, seen.toString());
  }

  public void signal(String sig) throws Exception {
    if (new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor() != 0) {
      throw new IllegalStateException("kill -" + sig + " failed");
    }
  }

  public boolean awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }
}
