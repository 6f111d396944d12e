package io.ohkay.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterPlacementTest {

  @Test
  void shouldChooseTheClusterWithTheFewestLiveServersWhenLoadsDiffer() {
    assertThat(
            ClusterPlacement.leastLoaded(List.of("a", "b", "c"), Map.of("a", 3L, "b", 1L, "c", 2L)))
        .isEqualTo("b");
  }

  @Test
  void shouldCountAClusterAbsentFromTheRegistryAsEmptyWhenChoosing() {
    assertThat(ClusterPlacement.leastLoaded(List.of("main", "second"), Map.of("main", 1L)))
        .isEqualTo("second");
  }

  @Test
  void shouldPreferTheFirstConfiguredClusterWhenLoadsTie() {
    assertThat(ClusterPlacement.leastLoaded(List.of("b", "a"), Map.of("a", 2L, "b", 2L)))
        .isEqualTo("b");
    assertThat(ClusterPlacement.leastLoaded(List.of("b", "a"), Map.of())).isEqualTo("b");
  }

  @Test
  void shouldIgnoreRegistryClustersNoLongerConfiguredWhenChoosing() {
    assertThat(ClusterPlacement.leastLoaded(List.of("a", "b"), Map.of("old", 0L, "a", 5L, "b", 4L)))
        .isEqualTo("b");
  }

  @Test
  void shouldSpreadServersEvenlyWhenEachChoiceIsRecorded() {
    var clusters = List.of("main", "second");
    var live = new java.util.HashMap<String, Long>(Map.of("main", 1L));
    var chosen = new java.util.ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      var cluster = ClusterPlacement.leastLoaded(clusters, live);
      chosen.add(cluster);
      live.merge(cluster, 1L, Long::sum);
    }
    assertThat(chosen).containsExactly("second", "main", "second", "main");
  }
}
