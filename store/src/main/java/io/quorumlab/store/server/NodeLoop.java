package io.quorumlab.store.server;

import io.quorumlab.store.node.Scheduler;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that runs a node's logic: every message and every timer is a task on it, so the
 * node sees its inputs one at a time. A task that throws is logged and does not stop the loop.
 */
final class NodeLoop implements Scheduler, Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLoop.class);

  private final ScheduledThreadPoolExecutor executor;

  NodeLoop(String nodeId) {
    executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "node-" + nodeId);
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void execute(Runnable task) {
    try {
      executor.execute(guarded(task));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("node loop stopped; dropping a task");
    }
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    try {
      ScheduledFuture<?> f = executor.schedule(guarded(task), delayMillis, TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return () -> {};
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.error("node task failed", e);
      }
    };
  }

  /** Runs {@code task} on the loop and waits for it (for start-up and status queries). */
  <T> T call(java.util.concurrent.Callable<T> task) throws Exception {
    return executor.submit(task).get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
