package org.crmworkbench.plugin.tender.transfer;

/**
 * Why one line of an import file cannot be taken in.
 *
 * @param line       the line in the file (the header is line 1)
 * @param field      the field concerned, or null for the whole line
 * @param messageKey what is wrong, a key in the plugin's messages
 * @param value      the offending value, for the message; may be empty
 */
public record ImportProblem(int line, ImportField field, String messageKey, String value) {
}
