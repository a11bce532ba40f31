package org.quotelab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.quotelab.domain.project.Project;
import org.quotelab.domain.project.TopicDef;
import org.quotelab.service.StoreSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the data folder's projects, creates one, or shows a project's label schema. */
@Command(name = "projects", mixinStandardHelpOptions = true,
        description = "List the projects of the data folder (the default one marked *), create one, or show"
                + " a project's label schema (--schema, with --project NAME).")
final class ProjectsCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--create", paramLabel = "NAME", description = "create an empty project")
    String create;

    @Option(names = "--schema", description = "list the topics of the project: id, name, key, colour")
    boolean schema;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StoreSession s = store.open()) {
            if (create != null) {
                Project p = s.projects().create(create);
                out.printf("created project '%s'%n", p.name());
                return 0;
            }
            if (schema) {
                out.printf("label schema of project '%s':%n", s.project().name());
                out.printf("%-10s %-28s %-4s %s%n", "id", "name", "key", "colour");
                for (TopicDef t : s.schema().schema().topics()) {
                    out.printf("%-10s %-28s %-4s %s%n", t.key(), t.name(), t.hotkey() == null ? "-" : t.hotkey(),
                            t.colour());
                }
                return 0;
            }
            long current = s.project().id();
            for (Project p : s.projects().list()) {
                out.printf("%s %s%n", p.id() == current ? "*" : " ", p.name());
            }
        }
        return 0;
    }
}
