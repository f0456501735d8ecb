package org.crmworkbench.plugin.tender;

/** Someone saved or deleted the same tender or setting since it was read; nothing was saved. */
public class ChangedMeanwhileException extends RuntimeException {

    public ChangedMeanwhileException() {
        super("changed meanwhile");
    }
}
