package io.quorumlab.workloads.listappend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiblingMergeTest {

  @Test
  void keepsTheCommonPrefixThenTheSuffixesInLexicographicOrder() {
    assertThat(SiblingMerge.merge(List.of(List.of(1L, 2L, 5L), List.of(1L, 2L, 3L, 4L)))).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void doesNotDependOnTheOrderOfTheSiblings() {
    List<Long> a = List.of(1L, 4L, 6L);
    List<Long> b = List.of(1L, 3L, 7L);
    List<Long> c = List.of(1L, 3L);
    assertThat(SiblingMerge.merge(List.of(a, b, c))).isEqualTo(SiblingMerge.merge(List.of(c, a, b)));
    // suffixes after [1]: [3], [3,7], [4,6] -> [1,3,7,4,6]
    assertThat(SiblingMerge.merge(List.of(a, b, c))).containsExactly(1L, 3L, 7L, 4L, 6L);
  }

  @Test
  void keepsEachElementOnceAndAPrefixSiblingAddsNothing() {
    assertThat(SiblingMerge.merge(List.of(List.of(1L, 2L), List.of(1L, 2L, 3L)))).containsExactly(1L, 2L, 3L);
    assertThat(SiblingMerge.merge(List.of(List.of(2L, 1L), List.of(1L, 2L)))).containsExactly(1L, 2L);
  }

  @Test
  void handlesNoSiblingsAndOne() {
    assertThat(SiblingMerge.merge(List.of())).isEmpty();
    assertThat(SiblingMerge.merge(List.of(List.of(5L, 1L)))).containsExactly(5L, 1L);
  }
}
