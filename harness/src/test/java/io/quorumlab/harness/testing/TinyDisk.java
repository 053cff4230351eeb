package io.quorumlab.harness.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs of its own, to fill up: a real "no space left on device". Mounting needs root (or
 * CAP_SYS_ADMIN); where the test cannot mount, it is skipped with the reason.
 */
public final class TinyDisk implements AutoCloseable {
  private final Path root;
  private int fillers;

  private TinyDisk(Path root) {
    this.root = root;
  }

  public static TinyDisk mount(Path at, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(at);
    String out = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", at.toString());
    Assumptions.assumeTrue(out == null, () -> "cannot mount a tmpfs here (needs root): " + out);
    return new TinyDisk(at);
  }

  public Path root() {
    return root;
  }

  /**
   * Writes a new file until the disk is full. Calling it again takes whatever space came back since
   * (a RocksDB that recovers from the error may let go of space it had preallocated).
   */
  public void fill() throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream o = Files.newOutputStream(root.resolve("filler-" + fillers++))) {
      while (true) o.write(block);
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
    }
  }

  /** Deletes what {@link #fill} wrote. */
  public void free() throws IOException {
    for (int i = 0; i < fillers; i++) {
      Files.deleteIfExists(root.resolve("filler-" + i));
    }
  }

  public long freeBytes() throws IOException {
    return Files.getFileStore(root).getUsableSpace();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", "-l", root.toString());
  }

  /** Null when the command succeeded, else what it said. */
  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return String.join(" ", cmd) + " did not finish";
    }
    String out = new String(p.getInputStream().readAllBytes()).strip();
    return p.exitValue() == 0 ? null : String.join(" ", cmd) + ": " + out;
  }
}
