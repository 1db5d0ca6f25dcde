package dev.summonersim.sdk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How every command of the project answers bad input: one line naming the option and what it accepts, then
 * {@code Try '<tool> --help' for more information.}, exit 2; never the usage dump, never a stack trace. A failure
 * that is not the user's input is one line too, exit 1.
 */
public final class OneLineErrors {

    /** Exit status for bad options, arguments or configuration. */
    public static final int USAGE = 2;
    /** Exit status for an unexpected failure while running. */
    public static final int FAILURE = 1;

    private OneLineErrors() {
    }

    /** Installs the handlers on {@code commandLine} and returns it. */
    public static CommandLine install(CommandLine commandLine) {
        return commandLine
                .setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), e.getMessage()))
                .setExecutionExceptionHandler((e, cl, parseResult) -> {
                    if (e instanceof ParameterException p) {
                        return usageError(cl, p.getMessage());
                    }
                    PrintWriter err = cl.getErr();
                    err.println(cl.getCommandName() + ": " + describe(e));
                    err.flush();
                    return FAILURE;
                });
    }

    private static int usageError(CommandLine cl, String message) {
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandName() + ": " + oneLine(message));
        err.println("Try '" + cl.getCommandName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : oneLine(message);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
