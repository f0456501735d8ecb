package org.crmworkbench.core.csv;

import org.crmworkbench.api.csv.CsvFile;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with its column mapping: reads a line's value for a target and words a problem about it
 * with the file's own column header.
 *
 * @param file    the file
 * @param mapping target to column index; unmapped targets are absent
 * @param <T>     the targets
 */
public record MappedFile<T extends ImportTarget>(CsvFile file, Map<T, Integer> mapping) {

    public boolean mapped(T target) {
        return mapping.containsKey(target);
    }

    /** The trimmed value of a target on a line; empty when unmapped or missing. */
    public String value(CsvFile.Line line, T target) {
        Integer column = mapping.get(target);
        return column == null ? "" : line.value(column);
    }

    /** A mapped target's value replaces the old one (empty clears it); an unmapped target keeps it. */
    public String valueOr(CsvFile.Line line, T target, String old) {
        return mapped(target) ? value(line, target) : old;
    }

    /** The distinct non-empty values of a target over all lines. */
    public List<String> distinct(T target) {
        return file.records().stream().map(line -> value(line, target)).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** A problem on a line, named by the file's header of the target's column (null for the line as a whole). */
    public ImportProblem problem(CsvFile.Line line, T target, String messageKey, String value) {
        Integer column = target == null ? null : mapping.get(target);
        return new ImportProblem(line.number(), column == null ? null : file.header().get(column), messageKey, value);
    }

    /**
     * Adds the rule violations of a record to a line's problems, except for columns already reported.
     *
     * @param errors field name to message key, as the record's rules give them
     * @param fields maps a field name to its target (null when the field has none)
     */
    public void addRuleProblems(CsvFile.Line line, Map<String, String> errors, java.util.function.Function<String, T> fields,
                                List<ImportProblem> problems) {
        var reported = problems.stream().map(ImportProblem::column).toList();
        errors.forEach((field, key) -> {
            var problem = problem(line, fields.apply(field), key, null);
            if (problem.column() == null || !reported.contains(problem.column())) {
                problems.add(problem);
            }
        });
    }
}
