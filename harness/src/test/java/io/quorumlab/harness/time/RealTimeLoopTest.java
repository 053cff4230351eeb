package io.quorumlab.harness.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealTimeLoopTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void timersRunInDueOrderOnTheDrivingThreadAndNotBeforeTheirTime() throws Exception {
    try (RealTimeLoop loop = new RealTimeLoop()) {
      List<String> order = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      long t0 = loop.nanos();
      long[] ranAt = new long[1];
      loop.schedule(40 * MS, () -> {
        order.add("40");
        ranAt[0] = loop.nanos();
        threads.add(Thread.currentThread());
      });
      loop.schedule(10 * MS, () -> order.add("10a"));
      loop.schedule(10 * MS, () -> order.add("10b"));
      Timer cancelled = loop.schedule(20 * MS, () -> order.add("cancelled"));
      cancelled.cancel();
      loop.runUntil(loop.delay(60 * MS));
      assertThat(order).containsExactly("10a", "10b", "40");
      assertThat(ranAt[0] - t0).isGreaterThanOrEqualTo(40 * MS);
      assertThat(threads).containsExactly(Thread.currentThread());
    }
  }

  @Test
  void offloadedActionsRunOffTheLoopAndTheirResultComesBackOnIt() throws Exception {
    try (RealTimeLoop loop = new RealTimeLoop()) {
      List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Thread> back = loop.offload(() -> {
        ranOn.add(Thread.currentThread());
        Thread.sleep(20);
        return Thread.currentThread();
      }).thenApply(worker -> Thread.currentThread());
      // the loop goes on while the action blocks
      int[] ticks = new int[1];
      Timer ticker = loop.every(2 * MS, () -> ticks[0]++);
      assertThat(loop.runUntil(back)).isSameAs(Thread.currentThread());
      ticker.cancel();
      assertThat(ranOn).hasSize(1).doesNotContain(Thread.currentThread());
      assertThat(ticks[0]).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void futuresCompletedByOtherThreadsAreBroughtOntoTheLoop() throws Exception {
    try (RealTimeLoop loop = new RealTimeLoop()) {
      CompletableFuture<String> foreign = new CompletableFuture<>();
      CompletableFuture<Thread> seen = loop.onLoop(foreign).thenApply(v -> Thread.currentThread());
      Thread other = new Thread(() -> foreign.complete("x"));
      other.start();
      assertThat(loop.runUntil(seen)).isSameAs(Thread.currentThread());
    }
  }

  @Test
  void aFailureEndsRunUntilWithItsCauseAndATaskMayNotReenter() {
    try (RealTimeLoop loop = new RealTimeLoop()) {
      CompletableFuture<Void> failed = loop.offload(() -> {
        throw new IllegalStateException("engine gone");
      });
      assertThatThrownBy(() -> loop.runUntil(failed)).isInstanceOf(IllegalStateException.class).hasMessage("engine gone");
      CompletableFuture<Void> reentry = new CompletableFuture<>();
      loop.execute(() -> {
        try {
          loop.runUntil(new CompletableFuture<>());
        } catch (Exception e) {
          reentry.completeExceptionally(e);
        }
      });
      assertThatThrownBy(() -> loop.runUntil(reentry)).hasMessageContaining("from a task");
    }
  }
}
