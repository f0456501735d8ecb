package org.crmworkbench.plugin.tender.transfer;

import org.crmworkbench.plugin.tender.Texts;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The tender fields a CSV column can fill, with the header names (English, Dutch and common portal
 * exports) that map to them without help.
 */
public enum ImportField {
    TITLE(true, "title", "titel", "name", "naam", "opdracht", "omschrijving"),
    AUTHORITY(true, "authority", "contracting authority", "aanbestedende dienst", "aanbesteder", "buyer", "opdrachtgever"),
    REFERENCE(false, "reference", "referentie", "kenmerk", "id", "notice id", "referentienummer"),
    SOURCE(false, "source", "bron", "portal", "platform"),
    CPV(false, "cpv", "cpv codes", "cpv code", "cpv-codes", "cpv-code"),
    PROCEDURE(false, "procedure", "procedure type", "proceduretype", "type procedure"),
    VALUE(false, "estimated value", "value", "geraamde waarde", "waarde", "raming"),
    CURRENCY(false, "currency", "valuta", "munt"),
    PUBLICATION(false, "publication", "publication date", "publicatiedatum", "publicatie"),
    QUESTIONS(false, "questions deadline", "question deadline", "sluiting vragen", "vragen tot", "deadline vragen"),
    SUBMISSION(false, "submission deadline", "deadline", "closing date", "sluitingsdatum", "sluiting inschrijving", "inschrijven tot"),
    AWARD_DECISION(false, "award decision", "award date", "gunningsbeslissing", "gunning"),
    STANDSTILL_END(false, "standstill end", "standstill", "einde opschortende termijn", "opschortende termijn"),
    CONTRACT_START(false, "contract start", "start contract", "ingangsdatum", "start"),
    CONTRACT_END(false, "contract end", "end contract", "einddatum", "einde");

    private final boolean required;
    private final List<String> headers;

    ImportField(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    public boolean required() {
        return required;
    }

    /** Whether a file's column header names this field: a known header, or its label in English or Dutch. */
    boolean matches(String header) {
        String simple = simple(header);
        return headers.contains(simple) || simple.equals(simple(Texts.ENGLISH.get(labelKey()))) || simple.equals(simple(Texts.DUTCH.get(labelKey())));
    }

    static String simple(String header) {
        String plain = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").strip();
    }

    public String labelKey() {
        return "import.field." + name().toLowerCase().replace('_', '-');
    }
}
