package io.quorumlab.harness.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which node images a harness may remove: only those its own checkout built, that no container was
 * created from, and whose building harness has exited (or is this one); never another checkout's.
 * The removal itself runs against an engine in the docker tests; the decision is tested here.
 */
class ImageCleanupTest {
  static final String OURS = "c0ffee";
  static final String KEEP = "quorumlab/node:new";
  static final String DEAD = "host/1/1";
  static final String LIVE = "host/2/2";

  static ImageCleanup.Candidate image(String id, String tag, String checkout, String builder) {
    Map<String, String> labels = checkout == null ? Map.of(NodeImage.LABEL, "node")
        : Map.of(NodeImage.LABEL, "node", NodeImage.CHECKOUT, checkout, Labels.HARNESS, builder);
    return new ImageCleanup.Candidate(id, List.of(tag), labels);
  }

  @Test
  void onlyUnusedImagesOfThisCheckoutWhoseBuilderIsGoneAreRemoved() {
    List<ImageCleanup.Candidate> images = List.of(
        image("old-dead", "quorumlab/node:a", OURS, DEAD),
        image("old-self", "quorumlab/node:b", OURS, Labels.harnessId()),
        image("kept", KEEP, OURS, Labels.harnessId()),
        image("in-use", "quorumlab/node:c", OURS, DEAD),
        image("being-used-soon", "quorumlab/node:d", OURS, LIVE),
        image("other-clone", "quorumlab/node:e", "beef00", DEAD),
        image("unlabelled", "quorumlab/node:f", null, null));

    List<String> removable = ImageCleanup.removable(images, Set.of("in-use"), OURS, KEEP, DEAD::equals);

    assertThat(removable).containsExactly("old-dead", "old-self");
  }

  @Test
  void aCheckoutIsTheDirectoryAboveTheModulesTarget() {
    String a = ImageCleanup.checkoutId(List.of("/work/clone-a/harness/target/quorumlab-all.jar"));
    String aClasses = ImageCleanup.checkoutId(List.of("/root/.m2/repository/x.jar", "/work/clone-a/store/target/classes"));
    String b = ImageCleanup.checkoutId(List.of("/work/clone-b/harness/target/quorumlab-all.jar"));
    assertThat(a).isEqualTo(aClasses).isNotEqualTo(b).hasSize(16);
  }
}
