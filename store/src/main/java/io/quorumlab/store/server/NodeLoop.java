package io.quorumlab.store.server;

import io.netty.channel.EventLoop;
import io.quorumlab.store.node.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that runs a node's logic: the node's single Netty event loop, which also serves
 * every connection of the node. A message decoded on that loop is handled right there, without a
 * hand-off to another thread; timers and anything from other threads are queued onto it. Either
 * way the node sees its inputs one at a time. A task that throws is logged and does not stop the
 * loop.
 */
final class NodeLoop implements Scheduler, Executor {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLoop.class);

  private final EventLoop loop;

  NodeLoop(EventLoop loop) {
    this.loop = loop;
  }

  @Override
  public void execute(Runnable task) {
    if (loop.inEventLoop()) {
      guarded(task).run();
      return;
    }
    try {
      loop.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      LOG.debug("node loop stopped; dropping a task");
    }
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    try {
      var f = loop.schedule(guarded(task), delayMillis, TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException e) {
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

  /** Runs {@code task} on the loop and waits for it (status queries, tests). */
  <T> T call(Callable<T> task) throws Exception {
    return call(task, java.time.Duration.ofSeconds(10));
  }

  <T> T call(Callable<T> task, java.time.Duration timeout) throws Exception {
    if (loop.inEventLoop()) {
      return task.call();
    }
    return loop.submit(task).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
