package io.quorumlab.harness.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code run} or {@code compare} drives a cluster. The first one
 * asks the command to stop: it heals, tears down, writes what was recorded and returns its own exit
 * code, 2 (unknown), as documented. Left to the JVM, the signal would start shutting it down at
 * once and end it with 130 or 143 whatever the command returned. The first signal also puts the
 * JVM's handlers back, so a second one ends it at once (its shutdown hooks still stop the nodes).
 *
 * <p>sun.misc.Signal is the JDK's only way to handle a signal without shutting down; it is in
 * the jdk.unsupported module, which is there to stay until a supported replacement exists.
 */
final class Interrupts implements AutoCloseable {
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private final AtomicBoolean fired = new AtomicBoolean();
  private final PrintWriter err;
  private final Runnable stop;

  private Interrupts(PrintWriter err, Runnable stop) {
    this.err = err;
    this.stop = stop;
  }

  /**
   * Handles SIGINT and SIGTERM until {@link #close()}.
   *
   * @param stop asks the command to stop soon; must not block
   */
  static Interrupts install(PrintWriter err, Runnable stop) {
    Interrupts i = new Interrupts(err, stop);
    synchronized (i) {
      for (String name : SIGNALS) {
        try {
          Signal signal = new Signal(name);
          i.previous.put(signal, Signal.handle(signal, i::handle));
        } catch (IllegalArgumentException unavailable) {
          // The JVM keeps this signal (-Xrs) or the platform lacks it: its default stays.
        }
      }
    }
    return i;
  }

  private void handle(Signal signal) {
    if (!fired.compareAndSet(false, true)) return;
    restore();
    err.println("quorumlab: SIG" + signal.getName() + ": stopping; the faults are healed, the cluster stopped and what "
        + "was recorded checked and written (signal again to quit at once)");
    err.flush();
    stop.run();
  }

  private synchronized void restore() {
    previous.forEach(Signal::handle);
    previous.clear();
  }

  @Override
  public void close() {
    restore();
  }
}
