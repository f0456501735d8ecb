package org.crmworkbench.plugin.value.canvas;

import org.crmworkbench.plugin.value.Texts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one-sentence value proposition: "For &lt;segment&gt; who &lt;job&gt;, our &lt;product&gt;
 * &lt;relieves pain / creates gain&gt;, unlike &lt;alternative&gt;". Uses the parts chosen on the
 * canvas; without a choice the first functional job, the first product or service, and the reliever of
 * the top-ranked pain (else the creator of the top-ranked gain, else the first of either).
 *
 * <p>The segment is named by the canvas's name (an account's canvas by the account), so name a segment
 * canvas after its customers ("construction companies"); phrase relievers and creators as what the
 * product does ("puts a replacement tool on site within a day").
 *
 * @param text    the sentence, or null while a part is missing
 * @param missing message keys of the missing parts
 */
public record Statement(String text, List<String> missing) {

    public boolean complete() {
        return text != null;
    }

    public static Statement of(Canvas canvas, String segment, Texts texts) {
        var job = canvas.item(canvas.statementJobId()).or(() -> canvas.items(ItemKind.JOB).stream()
                .min(Comparator.comparing(CanvasItem::jobType).thenComparing(CanvasItem::dmuRole, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(CanvasItem::position)));
        var offer = canvas.item(canvas.statementOfferId()).or(() -> canvas.items(ItemKind.OFFER).stream().findFirst());
        var answer = canvas.item(canvas.statementAnswerId()).or(() -> defaultAnswer(canvas));
        List<String> missing = new ArrayList<>();
        job.ifPresentOrElse(j -> { }, () -> missing.add("statement.missing.job"));
        offer.ifPresentOrElse(o -> { }, () -> missing.add("statement.missing.offer"));
        answer.ifPresentOrElse(a -> { }, () -> missing.add("statement.missing.answer"));
        if (!missing.isEmpty()) {
            return new Statement(null, missing);
        }
        String text = canvas.alternative() == null
                ? texts.get("statement.short", segment, job.get().text(), offer.get().text(), answer.get().text())
                : texts.get("statement.full", segment, job.get().text(), offer.get().text(), answer.get().text(), canvas.alternative());
        return new Statement(text, List.of());
    }

    private static Optional<CanvasItem> defaultAnswer(Canvas canvas) {
        var pains = canvas.items(ItemKind.PAIN).stream().sorted(Canvas.PAIN_RANK);
        var gains = canvas.items(ItemKind.GAIN).stream().sorted(Canvas.GAIN_RANK);
        return Stream.concat(pains, gains).filter(CanvasItem::answered).findFirst()
                .flatMap(top -> top.answeredBy().stream().sorted().findFirst().flatMap(canvas::item))
                .or(() -> canvas.items(ItemKind.RELIEVER).stream().findFirst())
                .or(() -> canvas.items(ItemKind.CREATOR).stream().findFirst());
    }
}
