package io.ohkay.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ohkay.bench.report.HeldRateRule;
import io.ohkay.bench.report.StepResult;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryRouterTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private final DeliveryRouter router = new DeliveryRouter();
  private final StepRun run = new StepRun("abc1s2", 10, 3, 0);

  @Test
  void shouldFindTheContentWhenTheDataIsAnOhkayEventEnvelope() {
    router.activate(run);

    router.accept(
        "{\"type\":\"message.posted.v1\",\"seq\":4,\"payload\":{\"id\":\"x\",\"content\":\""
            + run.tag(1).content()
            + "\"}}",
        130 * MS);

    StepResult result = result();
    assertThat(result.delivered()).isEqualTo(1);
    assertThat(result.endToEnd().p50Millis()).isCloseTo(30.0, within(0.1));
  }

  @Test
  void shouldFindTheContentWhenTheDataIsAPlainMessage() {
    router.activate(run);

    router.accept("{\"id\":\"x\",\"content\":\"" + run.tag(0).content() + "\"}", 5 * MS);

    assertThat(result().delivered()).isEqualTo(1);
  }

  @Test
  void shouldIgnoreEventsWhenTheyBelongToAnotherStepOrNoStepIsActive() {
    router.accept("{\"content\":\"" + run.tag(0).content() + "\"}", MS);
    router.activate(run);
    router.accept("{\"content\":\"" + new MessageTag("abc1s1", 0).content() + "\"}", MS);
    router.accept("{\"content\":\"hello abc1s2\"}", MS);
    router.accept("not json abc1s2", MS);

    assertThat(result().delivered()).isZero();
  }

  @Test
  void shouldCountAMessageOnceWhenItArrivesTwice() {
    router.activate(run);
    String data = "{\"content\":\"" + run.tag(2).content() + "\"}";

    router.accept(data, 250 * MS);
    router.accept(data, 900 * MS);

    StepResult result = result();
    assertThat(result.delivered()).isEqualTo(1);
    assertThat(result.lost()).isEqualTo(2);
    assertThat(result.endToEnd().maxMillis()).isLessThan(60.0);
  }

  @Test
  void shouldIgnoreArrivalsWhenDeliveriesAreClosed() {
    router.activate(run);
    run.closeDeliveries();

    router.accept("{\"content\":\"" + run.tag(0).content() + "\"}", MS);

    assertThat(result().lost()).isEqualTo(3);
  }

  private StepResult result() {
    return run.result("baseline", 1, new HeldRateRule(250));
  }
}
