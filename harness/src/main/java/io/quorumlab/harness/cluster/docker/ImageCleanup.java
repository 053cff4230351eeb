package io.quorumlab.harness.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Removes the node images a checkout built earlier and no longer needs. Every rebuild of the jar
 * makes a new image, so they pile up; but the engine is shared with other checkouts (other clones,
 * other branches) and with concurrent harnesses of this one, whose images must survive: an image is
 * removed only if this checkout built it, it is not the one just built, no container (running or
 * not) was created from it, and the harness that built it is known to have exited or is this one.
 */
final class ImageCleanup {
  private ImageCleanup() {}

  /** An image as the decision needs it. */
  record Candidate(String id, List<String> tags, Map<String, String> labels) {}

  /**
   * The checkout the classpath comes from (the directory holding the module's {@code target}), as
   * a label value: a digest, with the host, since one engine can serve several hosts.
   */
  static String checkoutId(List<String> classpath) {
    String root = null;
    for (String entry : classpath) {
      for (Path p = Path.of(entry).toAbsolutePath(); p != null && root == null; p = p.getParent()) {
        Path name = p.getFileName();
        if (name != null && name.toString().equals("target") && p.getParent() != null && p.getParent().getParent() != null) {
          root = p.getParent().getParent().toString();
        }
      }
      if (root != null) break;
    }
    if (root == null) root = classpath.isEmpty() ? "" : String.valueOf(Path.of(classpath.get(0)).toAbsolutePath().getParent());
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest((Labels.host() + ":" + root).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The ids of the images that may go, of {@code images}.
   *
   * @param inUse ids of the images some container (in any state) was created from
   * @param keepTag the image just built
   * @param harnessGone whether the harness named by an {@code io.quorumlab.harness} label has exited
   */
  static List<String> removable(List<Candidate> images, Set<String> inUse, String checkout, String keepTag,
      Predicate<String> harnessGone) {
    String self = Labels.harnessId();
    List<String> out = new ArrayList<>();
    for (Candidate img : images) {
      if (!checkout.equals(img.labels().get(NodeImage.CHECKOUT))) continue;
      if (img.tags().contains(keepTag) || inUse.contains(img.id())) continue;
      String builder = img.labels().get(Labels.HARNESS);
      if (builder == null || !(builder.equals(self) || harnessGone.test(builder))) continue;
      out.add(img.id());
    }
    return out;
  }

  /** Removes what {@link #removable} allows; returns the ids removed. */
  static List<String> removeOlder(DockerClient c, String checkout, String keepTag) {
    List<Candidate> images = new ArrayList<>();
    for (Image img : c.listImagesCmd().withLabelFilter(Map.of(NodeImage.LABEL, "node", NodeImage.CHECKOUT, checkout)).exec()) {
      images.add(new Candidate(img.getId(), img.getRepoTags() == null ? List.of() : List.of(img.getRepoTags()),
          img.getLabels() == null ? Map.of() : img.getLabels()));
    }
    Set<String> inUse = new HashSet<>();
    for (Container ct : c.listContainersCmd().withShowAll(true).exec()) inUse.add(ct.getImageId());
    List<String> removed = new ArrayList<>();
    for (String id : removable(images, inUse, checkout, keepTag, Labels::harnessGone)) {
      try {
        // Not forced: an image that a container was created from meanwhile stays.
        c.removeImageCmd(id).withForce(false).exec();
        removed.add(id);
      } catch (RuntimeException e) {
        // in use after all, or removed concurrently
      }
    }
    return removed;
  }
}
