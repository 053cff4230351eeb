package io.quorumlab.workloads;

import io.quorumlab.store.client.StoreClient;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Turns the store client's futures into completions. Whether a failed op is {@code fail} or
 * {@code info} depends on what the failing request may have done: a read (or the get half of a
 * get-then-put) wrote nothing, so its failure is definite whatever the exception says; a write that
 * failed may have been applied when the exception says so.
 */
public final class Requests {
  private Requests() {}

  /**
   * Continues with {@code next} once {@code read} returns. A read that fails fails the op; so does
   * a stored value that {@code next} cannot decode (it throws {@link IllegalArgumentException}).
   *
   * @param value the op's value, recorded with a failure
   */
  public static <T> CompletableFuture<Completion> afterRead(CompletableFuture<T> read, Object value,
      Function<T, CompletableFuture<Completion>> next) {
    return read.handle((result, error) -> {
      if (error != null) return done(Completion.of(StoreClient.unwrap(error), value, false));
      try {
        return next.apply(result);
      } catch (IllegalArgumentException e) {
        return done(Completion.fail(value, "bad value: " + e.getMessage()));
      }
    }).thenCompose(Function.identity());
  }

  /** {@code ok} with {@code value} once {@code write} returns; {@code info} or {@code fail}, as its error says, when it fails. */
  public static CompletableFuture<Completion> write(CompletableFuture<?> write, Object value) {
    return write.handle((result, error) -> error == null ? Completion.ok(value) : Completion.of(StoreClient.unwrap(error), value, true));
  }

  public static CompletableFuture<Completion> done(Completion c) {
    return CompletableFuture.completedFuture(c);
  }
}
