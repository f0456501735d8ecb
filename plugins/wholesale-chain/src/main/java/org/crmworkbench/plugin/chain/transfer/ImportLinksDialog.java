package org.crmworkbench.plugin.chain.transfer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import org.crmworkbench.api.csv.CsvUploads;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.plugin.chain.Feedback;

/**
 * Imports supplier - customer - product group links from a CSV file; every problem is listed with its
 * line and nothing is stored while there is one. The file is small (links between known accounts), so
 * it is checked and stored in the request.
 */
public final class ImportLinksDialog extends Dialog {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    final Upload upload = new Upload();
    final Paragraph status = new Paragraph();
    final Grid<LinkImport.Problem> problems = new Grid<>();

    public ImportLinksDialog(PluginContext context, Runnable done) {
        var importer = new LinkImport(context.dsl(), context.clock(), context::requirePermission, context.accounts());
        setHeaderTitle(context.message("import.title"));
        setWidth("46rem");
        upload.setUploadHandler(CsvUploads.inMemory(MAX_BYTES, bytes -> {
            problems.setVisible(false);
            try {
                var outcome = importer.run(CsvFile.parse(bytes), Feedback.by(context));
                if (outcome.refused()) {
                    status.setText(context.message("import.problems", outcome.problems().size()));
                    problems.setItems(outcome.problems());
                    problems.setVisible(true);
                } else {
                    status.setText(context.message("import.done", outcome.linksAdded(), outcome.skipped(), outcome.suppliersMarked()));
                    done.run();
                }
            } catch (CsvFile.UnreadableException e) {
                status.setText(context.message(e.messageKey(), e.line()));
            }
        }, () -> status.setText(context.message("import.file-rejected", MAX_BYTES / 1024 / 1024))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.addFileRejectedListener(rejected -> status.setText(context.message("import.file-rejected", MAX_BYTES / 1024 / 1024)));
        problems.addColumn(LinkImport.Problem::line).setHeader(context.message("import.line")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : context.message(p.column().labelKey())).setHeader(context.message("import.column"))
                .setAutoWidth(true);
        problems.addColumn(p -> context.message(p.messageKey(), p.value())).setHeader(context.message("import.problem")).setFlexGrow(3);
        problems.setHeight("14rem");
        problems.setVisible(false);
        add(new Paragraph(context.message("import.intro")), upload, status, problems);
        getFooter().add(new Button(context.message("action.close"), click -> close()));
    }
}
