package org.crmworkbench.plugin.tender.transfer;

import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.api.csv.CsvWriter;
import org.crmworkbench.plugin.tender.Texts;
import org.crmworkbench.plugin.tender.register.Tender;
import org.crmworkbench.plugin.tender.register.Tenders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The register as CSV, in the columns the import reads (so an export can be imported elsewhere), plus
 * status and owner. Dates ISO, amounts with a point: what any spreadsheet and the import read back.
 */
public final class RegisterExport {

    private RegisterExport() {
    }

    public static void write(Tenders tenders, Tenders.Search search, CsvWriter csv, Locale locale) {
        var texts = new Texts(locale);
        var header = new ArrayList<String>();
        for (ImportField field : ImportField.values()) {
            header.add(texts.get(field.labelKey()));
        }
        header.add(texts.get("tender.status"));
        header.add(texts.get("tender.owner"));
        csv.row(header);
        CsvDownloads.paged(500, (offset, limit) -> tenders.search(search, Tenders.Sort.DEADLINE, false, offset, limit),
                tender -> csv.row(row(tender, texts)));
    }

    static List<String> row(Tender tender, Texts texts) {
        var input = tender.input();
        var d = input.dates();
        return java.util.Arrays.asList(input.title(), tender.authorityName(), input.reference(), input.source(), input.cpvCodes(),
                texts.get(input.procedure().labelKey()), input.estimatedValue() == null ? "" : input.estimatedValue().toPlainString(),
                input.currency(), iso(d.publication()), iso(d.questionsDeadline()), iso(d.submissionDeadline()), iso(d.awardDecision()),
                iso(d.standstillEnd()), iso(d.contractStart()), iso(d.contractEnd()), texts.get(tender.status().labelKey()),
                tender.ownerName() == null ? "" : tender.ownerName());
    }

    private static String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
