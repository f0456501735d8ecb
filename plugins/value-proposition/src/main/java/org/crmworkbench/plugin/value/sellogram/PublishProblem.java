package org.crmworkbench.plugin.value.sellogram;

import java.util.ArrayList;
import java.util.List;

/** Why a draft cannot be published yet. Row numbers count from 1, as shown. */
public sealed interface PublishProblem {

    /** The sellogram has no rows. */
    record NoRows() implements PublishProblem {
    }

    /** It claims no buying motive. */
    record NoMotives() implements PublishProblem {
    }

    /** A claimed motive that no row serves. */
    record MotiveWithoutRow(long motiveId) implements PublishProblem {
    }

    /** An empty feature, advantage or benefit cell. */
    record EmptyCell(int row, Cell cell) implements PublishProblem {
    }

    /** A row tagged with no motive. */
    record RowWithoutMotive(int row) implements PublishProblem {
    }

    /** A row tagged with a motive the sellogram does not claim. */
    record UnclaimedMotive(int row, long motiveId) implements PublishProblem {
    }

    enum Cell {
        FEATURE, ADVANTAGE, BENEFIT
    }

    /**
     * The publish rule: at least one row, at least one claimed motive, at least one row per claimed
     * motive, every row tagged with claimed motives only and no empty cells. Empty when it may be
     * published.
     */
    static List<PublishProblem> of(Sellogram sellogram) {
        List<PublishProblem> problems = new ArrayList<>();
        if (sellogram.rows().isEmpty()) {
            problems.add(new NoRows());
        }
        if (sellogram.motiveIds().isEmpty()) {
            problems.add(new NoMotives());
        }
        sellogram.motiveIds().stream().sorted()
                .filter(motive -> sellogram.rows().stream().noneMatch(row -> row.motiveIds().contains(motive)))
                .forEach(motive -> problems.add(new MotiveWithoutRow(motive)));
        for (var row : sellogram.rows()) {
            if (row.feature().isBlank()) {
                problems.add(new EmptyCell(row.position(), Cell.FEATURE));
            }
            if (row.advantage().isBlank()) {
                problems.add(new EmptyCell(row.position(), Cell.ADVANTAGE));
            }
            if (row.benefit().isBlank()) {
                problems.add(new EmptyCell(row.position(), Cell.BENEFIT));
            }
            if (row.motiveIds().isEmpty()) {
                problems.add(new RowWithoutMotive(row.position()));
            }
            row.motiveIds().stream().sorted().filter(motive -> !sellogram.motiveIds().contains(motive))
                    .forEach(motive -> problems.add(new UnclaimedMotive(row.position(), motive)));
        }
        return List.copyOf(problems);
    }
}
