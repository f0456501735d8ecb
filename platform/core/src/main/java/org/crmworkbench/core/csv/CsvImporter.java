package org.crmworkbench.core.csv;

import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.api.UserRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A CSV import: map the file's columns to targets, check every line (the dry run), then import all or
 * nothing.
 *
 * @param <T> the fields a column can be mapped to
 * @param <C> the result of a check
 */
public interface CsvImporter<T extends ImportTarget, C extends CheckedImport> {

    /** The fields, in the order a mapping form shows them. */
    List<T> targets();

    /** Checks every line without changing anything. */
    C check(CsvFile file, Map<T, Integer> mapping, UserRef by);

    /**
     * Imports a check without problems in one transaction, reporting progress in lines.
     *
     * @throws IllegalStateException when the check has problems
     * @throws StaleImportException  when records changed since the check; nothing is imported
     */
    ImportOutcome apply(C check, UserRef by, IntConsumer progress);

    /** The columns mapped to the targets their headers name; unknown headers stay unmapped. */
    default Map<T, Integer> suggestMapping(List<String> header) {
        var mapping = new LinkedHashMap<T, Integer>();
        for (int column = 0; column < header.size(); column++) {
            for (T target : targets()) {
                if (!mapping.containsKey(target) && target.matches(header.get(column))) {
                    mapping.put(target, column);
                    break;
                }
            }
        }
        return mapping;
    }
}
