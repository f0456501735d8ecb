package org.crmworkbench.plugin.value.canvas;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value proposition canvas with its items.
 *
 * @param accountName the account's name when it is an account's canvas
 * @param version     for optimistic locking; every change to the canvas or its items raises it
 */
public record Canvas(long id, String name, Long accountId, String accountName, String industry, String accountLevel,
                     String alternative, int fitTop, Long statementJobId, Long statementOfferId, Long statementAnswerId,
                     List<CanvasItem> items, LocalDateTime updatedAt, String updatedBy, int version) {

    /** Pains first by severity (most severe first), then in the order they were added. */
    public static final Comparator<CanvasItem> PAIN_RANK = Comparator.comparing((CanvasItem i) -> -i.severity())
            .thenComparingInt(CanvasItem::position).thenComparingLong(CanvasItem::id);
    /** Gains from required to unexpected, then in the order they were added. */
    public static final Comparator<CanvasItem> GAIN_RANK = Comparator.comparing(CanvasItem::gainLevel)
            .thenComparingInt(CanvasItem::position).thenComparingLong(CanvasItem::id);

    public List<CanvasItem> items(ItemKind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    /** The jobs, pains or gains of one customer profile; pains and gains in rank order. */
    public List<CanvasItem> profile(ItemKind kind, String dmuRole) {
        var list = items(kind).stream().filter(i -> Objects.equals(i.dmuRole(), dmuRole));
        return switch (kind) {
            case PAIN -> list.sorted(PAIN_RANK).toList();
            case GAIN -> list.sorted(GAIN_RANK).toList();
            default -> list.sorted(Comparator.comparingInt(CanvasItem::position)).toList();
        };
    }

    /** The customer profiles that have items: all roles (null) first, then the DMU roles by name. */
    public List<String> profiles() {
        var roles = new ArrayList<String>();
        items.stream().filter(i -> i.kind().customerSide()).map(CanvasItem::dmuRole).distinct()
                .sorted(Comparator.nullsFirst(Comparator.naturalOrder())).forEach(roles::add);
        return roles;
    }

    public Optional<CanvasItem> item(Long id) {
        return id == null ? Optional.empty() : items.stream().filter(i -> i.id() == id).findFirst();
    }
}
