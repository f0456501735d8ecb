package org.crmworkbench.plugin.chain;

/** Someone saved or deleted the same link, trend or setting since it was read; nothing was saved. */
public class ChangedMeanwhileException extends RuntimeException {

    public ChangedMeanwhileException() {
        super("changed meanwhile");
    }
}
