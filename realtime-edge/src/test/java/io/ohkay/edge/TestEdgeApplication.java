package io.ohkay.edge;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The smallest WebFlux application that hosts the edge, as the platform app does. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EdgeConfiguration.class)
public class TestEdgeApplication {}
