package org.quotelab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quotelab.domain.agreement.AgreementFigure;
import org.quotelab.domain.agreement.AgreementReport;
import org.quotelab.service.StoreSession;
import org.quotelab.service.agreement.AgreementJson;
import org.quotelab.service.agreement.AgreementService;
import org.quotelab.service.agreement.AgreementSummary;
import org.quotelab.service.agreement.DisagreeingQuote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Agreement between annotators: kappa per pair, alpha overall, per batch and per class. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = {"Agreement between annotators, from each annotator's latest label of each quote:",
            "Cohen's kappa per pair, Krippendorff's alpha (nominal) overall, per batch and per class,",
            "each with a 95 %% bootstrap interval and the quotes it rests on."})
final class AgreementCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", paramLabel = "ID", description = "Batch id (see `quotelab batches`); default: every batch.")
    Long batch;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Option(names = "--disagreements", description = "Also list the quotes whose annotators disagree.")
    boolean disagreements;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (StoreSession s = store.open()) {
            AgreementService service = s.agreement();
            AgreementSummary summary = service.report(batch);
            if (json) {
                var m = AgreementJson.of(summary);
                if (disagreements) {
                    m.put("disagreements", service.disagreements(summary));
                }
                out.println(Json.MAPPER.writeValueAsString(m));
                return 0;
            }
            print(out, summary);
            if (disagreements) {
                for (DisagreeingQuote q : service.disagreements(summary)) {
                    out.printf(Locale.ROOT, "%8d  %-12s %-40s %s%n", q.quoteId(), q.day(), q.labels(), q.text());
                }
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, AgreementSummary s) {
        AgreementReport r = s.report();
        out.printf("annotators: %s%n", r.annotators().isEmpty() ? "none" : String.join(", ", r.annotators()));
        line(out, "alpha" + (s.batchId() == null ? "" : " (" + s.day(s.batchId()) + ")"), r.alpha());
        for (AgreementReport.PairKappa p : r.pairs()) {
            line(out, "kappa " + p.first() + " / " + p.second(), p.kappa());
        }
        if (s.batchId() == null) {
            for (AgreementReport.BatchAlpha b : r.batches()) {
                line(out, "alpha batch " + s.day(b.batchId()), b.alpha());
            }
        }
        for (AgreementReport.ClassAlpha c : r.perClass()) {
            line(out, "alpha class " + c.value() + (c.value().equals("0") ? " (out of topic)" : ""), c.alpha());
        }
        out.printf("quotes whose annotators disagree: %d%n", r.disagreements().size());
    }

    private static void line(PrintWriter out, String what, AgreementFigure f) {
        out.printf(Locale.ROOT, "%-36s %s%s%n", what, f.format(),
                f.present() && !f.estimate().enough() ? "  (" + f.estimate().warning() + ")" : "");
    }
}
