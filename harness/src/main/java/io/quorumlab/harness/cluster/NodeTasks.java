package io.quorumlab.harness.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** One task per node at once, for backends whose every node is a remote call away (containers, hosts). */
public final class NodeTasks {
  /** What is done to one node. */
  @FunctionalInterface
  public interface Task {
    void run(String node) throws Exception;
  }

  private NodeTasks() {}

  /** Runs {@code task} for each of {@code ids} on {@code pool}, waits for all, and rethrows the first failure. */
  public static void parallel(ExecutorService pool, List<String> ids, Task task) throws Exception {
    List<Future<Object>> fs = new ArrayList<>();
    for (String n : ids) {
      fs.add(pool.submit(() -> {
        task.run(n);
        return null;
      }));
    }
    Exception first = null;
    for (Future<Object> f : fs) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null) first = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
      }
    }
    if (first != null) throw first;
  }
}
