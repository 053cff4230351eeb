package io.quorumlab.store.server;

import io.quorumlab.store.admin.AdminJson;
import io.quorumlab.store.admin.DiskFaultAnswer;
import io.quorumlab.store.node.AdminHandler;
import io.quorumlab.store.storage.PageCacheStorage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The disk nemesis' admin commands, on a node started with {@code diskFaults} (every other command
 * goes on to the node's own handler):
 * <pre>
 *   disk crash SEED           power loss: the writes since the last sync are lost, then the process ends
 *   disk torn SEED            the same, but a random prefix of them reached the disk, the last one torn
 *   disk corrupt COUNT SEED   flips a byte of up to COUNT random data records on the disk
 * </pre>
 * SEED makes the random choices repeatable. A crash answers, then ends the process ({@code onCrash}).
 */
final class DiskFaultCommands implements AdminHandler {
  static final String PREFIX = "disk ";
  private static final String USAGE = "expected disk crash SEED, disk torn SEED or disk corrupt COUNT SEED";

  private final PageCacheStorage pageCache;
  private final AdminHandler next;
  private final Runnable onCrash;

  DiskFaultCommands(PageCacheStorage pageCache, AdminHandler next, Runnable onCrash) {
    this.pageCache = pageCache;
    this.next = next;
    this.onCrash = onCrash;
  }

  @Override
  public String handle(String command) {
    if (!command.startsWith(PREFIX)) {
      return next.handle(command);
    }
    String[] a = command.substring(PREFIX.length()).strip().split("\\s+");
    switch (a[0]) {
      case "crash", "torn" -> {
        if (a.length != 2) throw new IllegalArgumentException("'" + command + "': " + USAGE);
        String done = pageCache.powerLoss(a[0].equals("torn"), new SplittableRandom(number(a[1], command)));
        onCrash.run();
        return AdminJson.toJson(new DiskFaultAnswer(a[0], done));
      }
      case "corrupt" -> {
        if (a.length != 3) throw new IllegalArgumentException("'" + command + "': " + USAGE);
        long count = number(a[1], command);
        if (count < 1 || count > 1_000_000) throw new IllegalArgumentException("'" + command + "': COUNT must be 1..1000000; " + USAGE);
        List<String> keys = pageCache.corrupt((int) count, new SplittableRandom(number(a[2], command)));
        String done = keys.isEmpty() ? "no data record to corrupt" : "corrupted " + keys.size() + " data records: " + String.join(" ", keys);
        return AdminJson.toJson(new DiskFaultAnswer("corrupt", done));
      }
      default -> throw new IllegalArgumentException("unknown disk fault '" + a[0] + "': " + USAGE);
    }
  }

  private static long number(String s, String command) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + command + "': '" + s + "' is not a number; " + USAGE);
    }
  }
}
