package org.crmworkbench.plugin.nps.campaign;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import org.crmworkbench.api.csv.CsvUploads;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.plugin.nps.answer.AnswerImport;
import org.crmworkbench.plugin.nps.NpsPermissions;
import org.crmworkbench.plugin.nps.answer.Answers;
import org.crmworkbench.plugin.nps.followup.FollowUpLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;

/**
 * Imports answers of paper or phone surveys from a CSV file into a campaign: the file is checked
 * first (every problem listed with its line and column), then imported all or nothing in the
 * background with progress.
 */
class ImportAnswersDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ImportAnswersDialog.class);
    static final int MAX_BYTES = 10 * 1024 * 1024;

    final Upload upload = new Upload();
    final Paragraph status = new Paragraph();
    final Grid<AnswerImport.Problem> problems = new Grid<>();
    final Button run = new Button();
    final ProgressBar progress = new ProgressBar();
    private final PluginContext context;
    private final Answers importing;
    private final Campaign campaign;
    private final Runnable done;
    private AnswerImport.Checked checked;

    ImportAnswersDialog(PluginContext context, Campaign campaign, Runnable done) {
        this.context = context;
        this.importing = new Answers(context.dsl(), context.clock(), new FollowUpLoop(context.dsl(), context.clock(), context::followUps));
        this.campaign = campaign;
        this.done = done;
        setHeaderTitle(context.message("import.title", campaign.name()));
        setWidth("44rem");
        upload.setUploadHandler(CsvUploads.inMemory(MAX_BYTES, this::check,
                () -> status.setText(context.message("import.file-rejected", MAX_BYTES / 1024 / 1024))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.addFileRejectedListener(rejected -> status.setText(context.message("import.file-rejected", MAX_BYTES / 1024 / 1024)));
        problems.addColumn(AnswerImport.Problem::line).setHeader(context.message("import.line")).setAutoWidth(true);
        problems.addColumn(AnswerImport.Problem::column).setHeader(context.message("import.column")).setAutoWidth(true);
        problems.addColumn(p -> context.message(p.messageKey(), p.value())).setHeader(context.message("import.problem")).setFlexGrow(3);
        problems.setVisible(false);
        problems.setHeight("14rem");
        run.setText(context.message("import.run"));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(false);
        run.addClickListener(click -> runImport());
        progress.setVisible(false);
        add(new Paragraph(context.message("import.intro")), upload, status, problems, progress);
        getFooter().add(new Button(context.message("import.close"), click -> close()), run);
    }

    void check(byte[] bytes) {
        checked = null;
        run.setEnabled(false);
        problems.setVisible(false);
        try {
            var file = CsvFile.parse(bytes);
            checked = new AnswerImport(context.dsl()).check(file, LocalDate.now(context.clock()));
        } catch (CsvFile.UnreadableException e) {
            status.setText(context.message(e.messageKey(), e.line()));
            return;
        }
        if (checked.importable()) {
            status.setText(context.message("import.ready", checked.rows().size()));
            run.setEnabled(true);
        } else {
            status.setText(context.message("import.problems", checked.problems().size()));
            problems.setItems(checked.problems());
            problems.setVisible(true);
        }
    }

    void runImport() {
        if (checked == null || !checked.importable()) {
            return;
        }
        context.requirePermission(NpsPermissions.MANAGE); // here: the import thread has no signed-in user
        var ui = UI.getCurrent();
        var rows = checked.rows();
        String by = context.currentUser().map(UserRef::username).orElse("?");
        run.setEnabled(false);
        upload.setVisible(false);
        progress.setValue(0);
        progress.setVisible(true);
        ui.setPollInterval(500);
        var entries = rows.stream().map(r -> new Answers.Entry(r.contactId(), r.score(), r.comment(), r.answeredAt())).toList();
        Thread.ofVirtual().name("nps-import").start(() -> {
            List<Long> ids = null;
            try {
                ids = importing.enterAll(campaign.id(), entries, Answers.Source.IMPORT, by,
                        stored -> ui.access(() -> progress.setValue(stored / (double) entries.size())));
            } catch (RuntimeException e) {
                log.error("Importing NPS answers failed", e);
            }
            List<Long> imported = ids;
            ui.access(() -> {
                ui.setPollInterval(-1);
                progress.setVisible(false);
                if (imported == null) {
                    status.setText(context.message("import.failed"));
                    Notification.show(context.message("import.failed"), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                } else {
                    status.setText(context.message("import.done", imported.size()));
                    Notification.show(context.message("import.done", imported.size()), 5000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    done.run();
                }
                checked = null;
            });
        });
    }
}
