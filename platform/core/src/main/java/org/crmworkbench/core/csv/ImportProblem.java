package org.crmworkbench.core.csv;

/**
 * A reason a line of an import is rejected.
 *
 * @param line       line number in the file (header = 1)
 * @param column     the file's column header, or null for the line as a whole
 * @param messageKey why
 * @param value      the offending value, may be null
 */
public record ImportProblem(int line, String column, String messageKey, String value) {
}
