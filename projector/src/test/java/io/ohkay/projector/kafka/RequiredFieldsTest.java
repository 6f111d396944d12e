package io.ohkay.projector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RequiredFieldsTest {

  record Inner(String name, @Nullable String note) {}

  record Outer(
      Inner inner, @Nullable Inner spare, List<Inner> inners, List<@Nullable String> notes) {}

  @Test
  void shouldFindNothingWhenOnlyNullableFieldsAndElementsAreNull() {
    var complete =
        new Outer(
            new Inner("a", null), null, List.of(new Inner("b", null)), Arrays.asList("x", null));

    assertThat(RequiredFields.firstMissing(complete)).isNull();
  }

  @Test
  void shouldNameTheFieldWhenARequiredOneIsNull() {
    var missing = new Outer(null, null, List.of(), List.of());

    assertThat(RequiredFields.firstMissing(missing)).isEqualTo("inner");
  }

  @Test
  void shouldNameTheNestedFieldWhenARecordWithinLacksOne() {
    var nested = new Outer(new Inner("a", null), new Inner(null, "n"), List.of(), List.of());

    assertThat(RequiredFields.firstMissing(nested)).isEqualTo("spare.name");
  }

  @Test
  void shouldNameTheElementWhenACollectionHoldsANullOrARecordLackingAField() {
    var nullElement =
        new Outer(new Inner("a", null), null, Arrays.asList(new Inner("b", null), null), List.of());
    var incompleteElement =
        new Outer(new Inner("a", null), null, List.of(new Inner(null, null)), List.of());

    assertThat(RequiredFields.firstMissing(nullElement)).isEqualTo("inners[1]");
    assertThat(RequiredFields.firstMissing(incompleteElement)).isEqualTo("inners[0].name");
  }
}
