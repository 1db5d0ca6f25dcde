package dev.summonersim.cli;

import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * One command of the project inside the runnable jar.
 *
 * @param name    what the user types after the jar: {@code java -jar summoner-sim-all.jar <name> ...}
 * @param summary one line for the jar's command list
 * @param command the command as its own {@code main} builds it (options, error handling), so a subcommand behaves
 *                exactly as its {@code bin/} launcher
 */
record Subcommand(String name, String summary, Supplier<CommandLine> command) {
}
