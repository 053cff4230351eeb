package io.quorumlab.harness.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the calling thread, in nanoseconds, for the {@code speed} line. On Linux it is read
 * from {@code /proc/thread-self/schedstat} (the scheduler's run time of the thread), so that
 * measuring the start of a run loads none of the management beans: {@code ManagementFactory}'s
 * thread bean loads some 50 classes and a native library before the simulation's first event.
 * Elsewhere, the thread bean. Only differences of two readings on the same thread mean anything.
 * Public for the benchmarks, which measure a cold simulated run the same way.
 */
public final class ThreadCpu {
  private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

  private ThreadCpu() {}

  public static long nanos() {
    try {
      String s = Files.readString(SCHEDSTAT);
      int space = s.indexOf(' ');
      return Long.parseLong(space < 0 ? s.trim() : s.substring(0, space));
    } catch (IOException | RuntimeException e) {
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
  }
}
