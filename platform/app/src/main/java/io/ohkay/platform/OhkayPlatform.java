package io.ohkay.platform;

import io.ohkay.platform.embedded.EmbeddedServicesStarter;
import org.springframework.boot.SpringApplication;

/** {@code java -jar ohkay.jar}: the whole platform in one JVM, on embedded infrastructure. */
public final class OhkayPlatform {

  private OhkayPlatform() {}

  public static void main(String[] args) {
    var app = new SpringApplication(PlatformApplication.class);
    app.addListeners(new EmbeddedServicesStarter());
    app.run(args);
  }
}
