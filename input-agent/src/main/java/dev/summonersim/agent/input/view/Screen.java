package dev.summonersim.agent.input.view;

/** Where views write; a plain output stream, or a terminal that keeps the line being typed intact. */
public interface Screen {

    /**
     * Shows one received message in the reference's display bytes ({@code "\r<tag> <text>\n> "}). A plain screen
     * writes them unchanged; a terminal prints {@code "<tag> <text>"} above the prompt and redraws the prompt itself.
     */
    void showDisplay(String referenceBytes);

    /** Appends running text; it may end in the middle of a line, and later calls continue that line. */
    void appendText(String text);
}
