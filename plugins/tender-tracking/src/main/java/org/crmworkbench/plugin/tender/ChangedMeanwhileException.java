package org.crmworkbench.plugin.tender;

import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.function.IntSupplier;

/** Someone saved or deleted the same tender or setting since it was read; nothing was saved. */
public class ChangedMeanwhileException extends RuntimeException {

    public ChangedMeanwhileException() {
        super("changed meanwhile");
    }

    /**
     * Runs a write on a part of a tender (a lot, a question, a task, a bidder): when it changes no row,
     * or the tender or part is gone (a foreign key or a unique number taken in between), someone else
     * changed it meanwhile.
     */
    public static void unlessGone(IntSupplier write) {
        int rows;
        try {
            rows = write.getAsInt();
        } catch (IntegrityConstraintViolationException e) {
            throw new ChangedMeanwhileException();
        }
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }
}
