package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli passes every help text through String.format, so a lone "%" (as in "95 % interval")
 * makes --help print a warning and the raw text instead of the description; write "%%".
 */
class HelpTextFormatTest {

    @Test
    void everyHelpTextIsAValidFormatString() {
        List<String> broken = new ArrayList<>();
        collect(new CommandLine(new QuoteLabCli()), broken);
        assertEquals(List.of(), broken);
    }

    private static void collect(CommandLine cmd, List<String> broken) {
        CommandSpec spec = cmd.getCommandSpec();
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }
        for (String text : texts) {
            try {
                String.format(text);
            } catch (IllegalFormatException e) {
                broken.add(spec.qualifiedName() + ": " + text);
            }
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            collect(sub, broken);
        }
    }
}
