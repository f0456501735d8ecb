package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "sales", roles = "SALES")
class PermissionDeniedErrorsTest extends UiTest {

    private final List<Throwable> others = new ArrayList<>();
    private final PermissionDeniedErrors handler = new PermissionDeniedErrors(event -> others.add(event.getThrowable()),
            (permission, ui) -> permission.equals("tender-tracking.decide") ? "Decide bid or no bid" : permission);

    @Test
    void an_action_refused_for_a_permission_tells_the_user_plainly_in_their_language() {
        navigate(DashboardView.class);
        handler.error(new ErrorEvent(new IllegalStateException("listener failed",
                new PermissionDeniedException("tender-tracking.decide"))));

        assertThat(test($(Notification.class).last()).getText()).isEqualTo("You may not do this: it needs the permission "
                + "\u201cDecide bid or no bid\u201d. Nothing was changed. An administrator can give your role this permission.");
        assertThat(others).isEmpty();
    }

    @Test
    void other_errors_go_to_the_default_handling() {
        navigate(DashboardView.class);
        var boom = new IllegalStateException("boom");
        handler.error(new ErrorEvent(boom));
        assertThat(others).containsExactly(boom);
        assertThat($(Notification.class).all()).isEmpty();
    }
}
