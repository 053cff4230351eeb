package io.quorumlab.checkers.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

/**
 * Reads a file as chunks of whole lines, parses the chunks in parallel (one thread per core) and
 * hands the results to the caller in file order, holding only a few chunks of text at a time.
 * Nothing is indexed by an {@code int} of bytes, so files over 2 GB work; a line longer than a
 * chunk is read on until it ends.
 */
final class ChunkedLines {
  static final int CHUNK = 4 << 20;
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
    Thread t = new Thread(r, "history-reader");
    t.setDaemon(true);
    return t;
  });

  /** Parses the whole lines of {@code buf[0..end)}, on a reader thread. */
  interface Parser<C> {
    C parse(byte[] buf, int end);
  }

  /** Takes the parsed chunks in file order, on the calling thread; throwing stops the read. */
  interface Joiner<C, X extends Exception> {
    void join(C chunk) throws X;
  }

  private ChunkedLines() {}

  /**
   * @param start the offset of the first byte to read (past a byte order mark)
   * @param progress told the bytes read so far, now and then
   */
  static <C, X extends Exception> void read(FileChannel ch, long start, Parser<C> parser, Joiner<C, X> joiner, LongConsumer progress)
      throws IOException, X {
    read(ch, start, CHUNK, parser, joiner, progress);
  }

  /** As {@link #read(FileChannel, long, Parser, Joiner, LongConsumer)}, in chunks of {@code chunkBytes} (tests use small ones). */
  static <C, X extends Exception> void read(FileChannel ch, long start, int chunkBytes, Parser<C> parser, Joiner<C, X> joiner,
      LongConsumer progress) throws IOException, X {
    long size = ch.size();
    ArrayDeque<CompletableFuture<C>> inFlight = new ArrayDeque<>();
    long at = start;
    byte[] carry = new byte[0];
    try {
      while (at < size || carry.length > 0) {
        int want = (int) Math.min(chunkBytes, size - at);
        byte[] buf = new byte[carry.length + want];
        System.arraycopy(carry, 0, buf, 0, carry.length);
        int filled = carry.length;
        ByteBuffer bb = ByteBuffer.wrap(buf, filled, want);
        while (bb.hasRemaining()) {
          int n = ch.read(bb, at + (bb.position() - filled));
          if (n < 0) break;
        }
        int got = bb.position() - filled;
        at += got;
        int len = filled + got;
        boolean last = at >= size || got == 0;
        int cut = last ? len : lastNewline(buf, len) + 1;
        if (cut == 0) {
          // one line longer than a chunk: read on until it ends
          carry = Arrays.copyOf(buf, len);
          continue;
        }
        carry = Arrays.copyOfRange(buf, cut, len);
        int chunkEnd = cut;
        inFlight.add(CompletableFuture.supplyAsync(() -> parser.parse(buf, chunkEnd), POOL));
        while (inFlight.size() > THREADS * 2 || (last && !inFlight.isEmpty())) {
          joiner.join(join(inFlight.poll()));
          progress.accept(at - start);
        }
        if (last) break;
      }
    } finally {
      for (CompletableFuture<C> f : inFlight) f.cancel(false);
    }
    progress.accept(size - start);
  }

  private static <C> C join(CompletableFuture<C> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  private static int lastNewline(byte[] buf, int len) {
    for (int i = len - 1; i >= 0; i--) if (buf[i] == '\n') return i;
    return -1;
  }
}
