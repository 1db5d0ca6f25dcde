package dev.summonersim.cli;

import java.util.function.Consumer;

/**
 * One command of the project inside the runnable jar.
 *
 * @param name    what the user types after the jar: {@code java -jar summoner-sim-all.jar <name> ...}
 * @param summary one line for the jar's command list
 * @param main    the command's own {@code main}; it parses the rest of the arguments and exits the JVM itself, so a
 *                subcommand behaves exactly as its {@code bin/} launcher
 */
record Subcommand(String name, String summary, Consumer<String[]> main) {
}
