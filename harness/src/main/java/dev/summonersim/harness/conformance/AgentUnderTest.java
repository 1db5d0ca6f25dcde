package dev.summonersim.harness.conformance;

import java.io.IOException;

/** Starts copies of the agent under test: an external command, or our Java stream agent in-process. */
interface AgentUnderTest {

    /** Shown in the report header. */
    String description();

    LaunchedAgent launch(AgentSlot slot) throws IOException;
}
