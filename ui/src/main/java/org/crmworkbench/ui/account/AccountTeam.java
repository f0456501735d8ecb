package org.crmworkbench.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.TeamMember;
import org.crmworkbench.core.editing.InvalidInputException;

import java.util.List;
import org.crmworkbench.ui.editing.MaxLength;

/**
 * The account editor's team tab (team selling): the account manager plus the colleagues assigned to
 * the account, who see and edit it too. The account manager, MANAGER and ADMIN add and remove them.
 */
final class AccountTeam extends VerticalLayout {

    final Grid<TeamMember> grid = new Grid<>();
    final ComboBox<UserRef> colleague = new ComboBox<>();
    final TextField role = new TextField();
    final Button add = new Button();
    final Paragraph managerLine = new Paragraph();
    final Paragraph empty = new Paragraph();
    private final AccountService accounts;
    private final long accountId;
    private final UserRef user;

    AccountTeam(AccountService accounts, long accountId, String managerName, UserRef user, List<UserRef> users) {
        this.accounts = accounts;
        this.accountId = accountId;
        this.user = user;
        setSizeFull();
        boolean mayManage = accounts.mayManageTeam(accountId, user);
        managerLine.setText(getTranslation("team.manager", managerName == null ? "—" : managerName));
        colleague.setLabel(getTranslation("team.colleague"));
        colleague.setItems(users);
        colleague.setItemLabelGenerator(UserRef::displayName);
        role.setLabel(getTranslation("team.role"));
        MaxLength.of(role, 60);
        add.setText(getTranslation("team.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(click -> add());
        var form = new HorizontalLayout(colleague, role, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setVisible(mayManage);
        grid.addColumn(TeamMember::displayName).setHeader(getTranslation("team.member")).setFlexGrow(2);
        grid.addColumn(m -> m.role() == null ? "—" : m.role()).setHeader(getTranslation("team.role")).setFlexGrow(2);
        if (mayManage) {
            grid.addComponentColumn(member -> {
                var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                    accounts.removeFromTeam(accountId, member.userId(), user);
                    refresh();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("team.remove", member.displayName()));
                remove.setTooltipText(getTranslation("team.remove", member.displayName()));
                return remove;
            }).setWidth("5em").setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        empty.setText(getTranslation("team.empty"));
        add(managerLine, form, empty, grid);
        refresh();
    }

    private void add() {
        colleague.setInvalid(false);
        role.setInvalid(false);
        if (colleague.getValue() == null) {
            colleague.setErrorMessage(getTranslation("team.choose"));
            colleague.setInvalid(true);
            return;
        }
        try {
            accounts.addToTeam(accountId, colleague.getValue().id(), role.getValue(), user);
            colleague.clear();
            role.clear();
            refresh();
        } catch (InvalidInputException e) {
            var field = e.errors().containsKey("teamRole") ? role : colleague;
            field.setErrorMessage(getTranslation(e.errors().values().iterator().next()));
            field.setInvalid(true);
        }
    }

    void refresh() {
        // a team has a handful of members: one query
        var members = accounts.team(accountId, user);
        grid.setItems(members);
        empty.setVisible(members.isEmpty());
        grid.setVisible(!members.isEmpty());
    }
}
