package org.crmworkbench.plugin.value;

/** Someone saved or deleted the same sellogram, canvas or motive since it was read; nothing was saved. */
public class ChangedMeanwhileException extends RuntimeException {

    public ChangedMeanwhileException() {
        super("changed meanwhile");
    }
}
