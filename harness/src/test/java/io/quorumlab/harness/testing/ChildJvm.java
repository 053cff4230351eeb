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
  /** What the child printed after its ready line, so far. */
  private final StringBuffer after;
  private final Thread drain;

  private ChildJvm(Process process, String readyLine, String output, StringBuffer after, Thread drain) {
    this.process = process;
    this.readyLine = readyLine;
    this.output = output;
    this.after = after;
    this.drain = drain;
  }

  /** Starts {@code main} and waits for its line starting with {@code READY } (or its exit). */
  public static ChildJvm start(Map<String, String> env, Class<?> main, String... args) throws Exception {
    return startUntil("READY ", env, main.getName(), args);
  }

  /**
   * Starts {@code mainClass} and waits for its first line starting with {@code readyPrefix}, or for
   * the end of its output (its exit) when none comes or {@code readyPrefix} is null; {@link #output}
   * is what came before.
   */
  public static ChildJvm startUntil(String readyPrefix, Map<String, String> env, String mainClass, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-XX:TieredStopAtLevel=1", "-cp", Classpath.join(Classpath.current()), mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null && (readyPrefix == null || !line.startsWith(readyPrefix))) seen.append(line).append('\n');
    // Keep draining so the child never blocks on a full pipe.
    StringBuffer after = new StringBuffer();
    Thread drain = new Thread(() -> {
      try {
        for (String l; (l = out.readLine()) != null; ) after.append(l).append('\n');
      } catch (java.io.IOException e) {
        // child gone
      }
    });
    drain.setDaemon(true);
    drain.start();
    return new ChildJvm(p, line, seen.toString(), after, drain);
  }

  /** Runs {@code mainClass} to its end; {@link #output} is all it printed. */
  public static ChildJvm runToEnd(long timeoutSeconds, String mainClass, String... args) throws Exception {
    ChildJvm c = startUntil(null, Map.of(), mainClass, args);
    if (!c.awaitExit(timeoutSeconds)) {
      c.process.destroyForcibly();
      throw new IllegalStateException(mainClass + " still ran after " + timeoutSeconds + " s:\n" + c.output);
    }
    return c;
  }

  public int exitCode() {
    return process.exitValue();
  }

  /** Whether this JVM was started with SIGINT ignored, as shells start background jobs; children inherit it. */
  public static boolean sigintIgnored() throws java.io.IOException {
    for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) return new java.math.BigInteger(line.substring(7).trim(), 16).testBit(1);
    }
    return false;
  }

  public void signal(String sig) throws Exception {
    if (new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor() != 0) {
      throw new IllegalStateException("kill -" + sig + " failed");
    }
  }

  public boolean awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  /** Everything the child printed so far, its ready line included (all of it, once it has exited). */
  public String allOutput() throws InterruptedException {
    if (!process.isAlive()) drain.join(5_000);
    return output + (readyLine == null ? "" : readyLine + "\n") + after;
  }
}
