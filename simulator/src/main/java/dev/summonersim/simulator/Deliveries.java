package dev.summonersim.simulator;

/**
 * What the relay delivered to every client, not only to the listeners. The relay has no addressing: each line goes
 * to every client but its sender, so each line relayed costs (clients - 1) deliveries, and with a prompt rate per
 * agent the relay's deliveries grow with the square of the population.
 *
 * @param linesRelayed            lines the relay accepted and fanned out over the whole run: the agents' events
 *                                (minus lines the rate limit dropped) and the driver's prompts, priming included
 * @param listenerLinesMin        the fewest lines one listener received (every relayed line, when none was lost)
 * @param listenerLinesMax        the most lines one listener received
 * @param driverLines             lines the prompt driver received (every relayed line but its own prompts)
 * @param allClients              deliveries to every client over the whole run: counted at the listeners and the
 *                                driver; each agent's share (every line but its own) by the broadcast rule, because
 *                                the agents keep no count and the relay exposes none
 * @param allClientsExpected      lines relayed x (clients - 1), less the lines listeners lost when the relay dropped
 *                                them as slow receivers
 * @param linesPerSecond          lines relayed per second in the measured window, as the listeners counted them
 * @param allClientsPerSecond     deliveries to every client per second in the measured window: lines per second x
 *                                (clients - 1)
 */
record Deliveries(long linesRelayed, long listenerLinesMin, long listenerLinesMax, long driverLines, long allClients,
                  long allClientsExpected, double linesPerSecond, double allClientsPerSecond) {
}
