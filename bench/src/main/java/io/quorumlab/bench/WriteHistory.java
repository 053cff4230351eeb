package io.quorumlab.bench;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.HistoryFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a generated history to a file, streaming, for the big-history benchmark
 * ({@code scripts/bench-big-histories.sh}): a strict-serializable list-append history
 * ({@link ElleHistoryGenerator}) or a linearizable register history ({@link RegisterHistoryGenerator}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.quorumlab.bench.WriteHistory list-append|register
 *     --txns N (--ops N for register) [--keys K] [--concurrency C] [--seed S] OUT.edn|OUT.jsonl
 * </pre>
 */
public final class WriteHistory {
  private WriteHistory() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) usage("give a kind (list-append or register) and an output file");
    String kind = args[0];
    long count = 1_000_000;
    int keys = -1;
    int concurrency = -1;
    long seed = 42;
    Path out = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--txns", "--ops" -> count = Long.parseLong(args[++i]);
        case "--keys" -> keys = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          if (args[i].startsWith("--") || out != null) usage("unknown argument " + args[i]);
          out = Path.of(args[i]);
        }
      }
    }
    if (out == null) usage("give an output file");
    HistoryFormat format = HistoryFormat.fromExtension(out).orElse(HistoryFormat.EDN);
    long t0 = System.nanoTime();
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
      java.util.function.Consumer<io.quorumlab.checkers.history.Op> sink = op -> {
        try {
          w.write(Histories.encode(op, format));
          w.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
      switch (kind) {
        case "list-append" -> new ElleHistoryGenerator(seed, concurrency > 0 ? concurrency : 20, keys > 0 ? keys : 40, 32).generate(count, sink);
        case "register" -> new RegisterHistoryGenerator(seed, concurrency > 0 ? concurrency : 10, keys > 0 ? keys : 1).generate(count, sink);
        default -> usage("unknown kind " + kind);
      }
    }
    System.err.printf("wrote %s (%,d bytes) in %d ms%n", out, Files.size(out), (System.nanoTime() - t0) / 1_000_000);
  }

  private static void usage(String why) {
    System.err.println("WriteHistory: " + why);
    System.err.println("usage: WriteHistory list-append|register [--txns N | --ops N] [--keys K] [--concurrency C] [--seed S] OUT.edn|OUT.jsonl");
    System.exit(254);
  }
}
