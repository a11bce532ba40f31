package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * picocli passes every help text through String.format, so a lone "%" (as in "95 % interval")
 * makes --help print a warning and the raw text; the source must say "%%". Checked on the
 * annotations' own text, since picocli's model already returns it formatted.
 */
class HelpTextFormatTest {

    @Test
    void everyHelpTextIsAValidFormatString() {
        List<String> checked = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        collect(new CommandLine(new QuoteLabCli()), checked, broken);
        assertTrue(checked.size() > 100, "help texts found: " + checked.size());
        assertEquals(List.of(), broken);
    }

    private static void collect(CommandLine cmd, List<String> checked, List<String> broken) {
        List<Object> owners = new ArrayList<>(List.of(cmd.getCommandSpec().userObject()));
        cmd.getCommandSpec().mixins().values().forEach(m -> owners.add(m.userObject()));
        for (Object owner : owners) {
            for (Class<?> c = owner.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                Command command = c.getAnnotation(Command.class);
                if (command != null) {
                    check(cmd, command.description(), checked, broken);
                    check(cmd, command.header(), checked, broken);
                    check(cmd, command.footer(), checked, broken);
                }
                List<AnnotatedElement> members = new ArrayList<>(List.of(c.getDeclaredFields()));
                members.addAll(List.of(c.getDeclaredMethods()));
                for (AnnotatedElement member : members) {
                    Option option = member.getAnnotation(Option.class);
                    if (option != null) {
                        check(cmd, option.description(), checked, broken);
                    }
                    Parameters parameters = member.getAnnotation(Parameters.class);
                    if (parameters != null) {
                        check(cmd, parameters.description(), checked, broken);
                    }
                }
            }
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            collect(sub, checked, broken);
        }
    }

    private static void check(CommandLine cmd, String[] texts, List<String> checked, List<String> broken) {
        for (String text : texts) {
            checked.add(text);
            try {
                String.format(text);
            } catch (IllegalFormatException e) {
                broken.add(cmd.getCommandSpec().qualifiedName() + ": " + text);
            }
        }
    }
}
