package io.quorumlab.harness.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.quorumlab.harness.cluster.ClasspathArchive;
import io.quorumlab.harness.cluster.ClasspathArchive.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The node image: the base image plus the store's classpath, started as {@code java ... MAIN serve
 * --config /etc/quorumlab/node.json}. Its tag is a digest of everything that goes into it, so an
 * unchanged build reuses the image and a rebuilt jar gets a new one. Each image is labelled with
 * the checkout that built it and the harness process that built it, so that the old images a
 * checkout piles up can be removed without touching those of other checkouts on the same engine
 * ({@link ImageCleanup}).
 */
final class NodeImage {
  static final String REPO = "quorumlab/node";
  static final String LABEL = "io.quorumlab.image";
  static final String CHECKOUT = "io.quorumlab.checkout";
  static final String CONFIG_DIR = "/etc/quorumlab";
  static final String CONFIG_FILE = CONFIG_DIR + "/node.json";
  private static final String APP = "/opt/quorumlab";

  private NodeImage() {}

  /** Builds the image unless one with the same content exists; returns its tag. */
  static String ensure(DockerClusterOptions o) throws IOException, InterruptedException {
    DockerClient c = DockerEngine.client();
    String checkout = ImageCleanup.checkoutId(o.classpath());
    String baseId = c.inspectImageCmd(o.baseImage()).exec().getId();
    List<Entry> entries = ClasspathArchive.entries(o.classpath());
    String tag = REPO + ":" + digest(baseId, o, entries);
    try {
      c.inspectImageCmd(tag).exec();
      return tag;
    } catch (NotFoundException e) {
      // build it
    }
    Path context = Files.createTempFile("quorumlab-image-", ".tar");
    try {
      writeContext(context, o, entries);
      try (InputStream in = Files.newInputStream(context)) {
        c.buildImageCmd(in).withTags(Set.of(tag)).withPull(false).withRemove(true).withForcerm(true)
            .withLabels(Map.of(LABEL, "node", CHECKOUT, checkout, Labels.HARNESS, Labels.harnessId()))
            .exec(new BuildImageResultCallback()).awaitImageId(5, TimeUnit.MINUTES);
      }
    } finally {
      Files.deleteIfExists(context);
    }
    ImageCleanup.removeOlder(c, checkout, tag);
    return tag;
  }

  private static String classpathInImage(List<Entry> entries) {
    return ClasspathArchive.classpathUnder(APP, entries);
  }

  private static String dockerfile(String base, DockerClusterOptions o, List<Entry> entries) {
    StringBuilder d = new StringBuilder("FROM ").append(base).append('\n');
    if (entries.stream().anyMatch(e -> !e.directory())) d.append("COPY lib/ ").append(APP).append("/lib/\n");
    if (entries.stream().anyMatch(Entry::directory)) d.append("COPY dirs/ ").append(APP).append("/dirs/\n");
    List<String> cmd = new ArrayList<>();
    cmd.add("java");
    cmd.addAll(o.jvmArgs());
    cmd.add("-cp");
    cmd.add(classpathInImage(entries));
    cmd.add(o.mainClass());
    d.append("ENTRYPOINT ").append(jsonArray(cmd)).append('\n');
    d.append("CMD ").append(jsonArray(List.of("serve", "--config", CONFIG_FILE))).append('\n');
    return d.toString();
  }

  private static String jsonArray(List<String> items) {
    return "[" + String.join(", ", items.stream().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "]";
  }

  private static void writeContext(Path tar, DockerClusterOptions o, List<Entry> entries) throws IOException {
    try (OutputStream fo = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(fo)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      t.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      byte[] df = dockerfile(o.baseImage(), o, entries).getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry dfe = new TarArchiveEntry("Dockerfile");
      dfe.setSize(df.length);
      t.putArchiveEntry(dfe);
      t.write(df);
      t.closeArchiveEntry();
      ClasspathArchive.write(t, entries);
      t.finish();
    }
  }

  /** A digest of the base image, the JVM command and every file's name, size and modification time. */
  private static String digest(String baseId, DockerClusterOptions o, List<Entry> entries) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((baseId + "\n" + o.mainClass() + "\n" + String.join(" ", o.jvmArgs()) + "\n").getBytes(StandardCharsets.UTF_8));
      for (Entry e : entries) {
        md.update((e.target() + "\n").getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> s = e.directory() ? Files.walk(e.source()) : Stream.of(e.source())) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          md.update((e.source().relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis() + "\n")
              .getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
