package org.crmworkbench.plugin.value.sellogram;

import java.util.List;

/** The draft breaks the publish rule; it stays a draft. */
public class PublishRefusedException extends RuntimeException {

    private final List<PublishProblem> problems;

    public PublishRefusedException(List<PublishProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<PublishProblem> problems() {
        return problems;
    }
}
