package org.crmworkbench.plugin.value.argumentation;

import org.crmworkbench.plugin.value.Texts;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An argumentation as a file: Markdown, or a self-contained HTML page laid out for printing on one
 * page (A4, no scripts, no external resources). Every text from users is escaped.
 */
public final class Documents {

    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]<>()#+!|~])");

    private Documents() {
    }

    public static String markdown(Argumentation a, Texts texts) {
        var out = new StringBuilder();
        out.append("# ").append(md(texts.get("document.title", a.accountName()))).append("\n\n");
        out.append(md(date(a, texts))).append(a.subjects().isEmpty() ? "" : " · " + md(String.join(", ", a.subjects()))).append("\n\n");
        if (a.canvas() != null && a.canvas().statement() != null) {
            out.append("> ").append(md(a.canvas().statement())).append("\n\n");
        }
        out.append("## ").append(md(texts.get("document.dmu"))).append("\n\n");
        for (var member : a.members()) {
            out.append("- **").append(md(member.name())).append("**").append(md(role(member, texts))).append(": ")
                    .append(member.motives().isEmpty() ? md(texts.get("document.no-motives")) : md(String.join(", ", member.motives())))
                    .append('\n');
        }
        out.append('\n');
        if (a.sections().isEmpty()) {
            out.append(md(texts.get("document.no-benefits"))).append("\n\n");
        }
        for (var section : a.sections()) {
            out.append("## ").append(md(section.motive())).append("\n\n");
            for (var benefit : section.benefits()) {
                out.append("- **").append(md(benefit.benefit())).append("**  \n  ")
                        .append(md(texts.get("document.because", benefit.feature(), benefit.advantage(), benefit.subject())))
                        .append("  \n  ").append(md(texts.get("document.for", String.join(", ", benefit.forMembers())))).append('\n');
            }
            out.append('\n');
        }
        if (a.canvas() != null) {
            out.append("## ").append(md(texts.get("document.canvas", a.canvas().name()))).append("\n\n");
            answered(out, texts.get("document.pains"), a.canvas().pains(), texts);
            answered(out, texts.get("document.gains"), a.canvas().gains(), texts);
        }
        return out.toString();
    }

    public static String html(Argumentation a, Texts texts) {
        var out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(texts.locale().getLanguage()).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(html(texts.get("document.title", a.accountName()))).append("</title>\n<style>\n")
                .append("@page { size: A4; margin: 15mm; }\n")
                .append("body { font-family: Georgia, 'Times New Roman', serif; font-size: 10.5pt; line-height: 1.35; color: #111; max-width: 180mm; margin: 0 auto; }\n")
                .append("h1 { font-size: 17pt; margin: 0 0 2pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #999; }\n")
                .append(".meta { color: #555; margin-bottom: 8pt; } blockquote { margin: 6pt 0; padding: 4pt 8pt; border-left: 3pt solid #1a5fb4; font-style: italic; }\n")
                .append("ul { margin: 0; padding-left: 14pt; } li { margin-bottom: 4pt; break-inside: avoid; } .why, .for { color: #444; font-size: 9.5pt; }\n")
                .append("table { border-collapse: collapse; width: 100%; } td { vertical-align: top; padding: 2pt 6pt 2pt 0; }\n")
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(html(texts.get("document.title", a.accountName()))).append("</h1>\n<div class=\"meta\">")
                .append(html(date(a, texts))).append(a.subjects().isEmpty() ? "" : " · " + html(String.join(", ", a.subjects())))
                .append("</div>\n");
        if (a.canvas() != null && a.canvas().statement() != null) {
            out.append("<blockquote>").append(html(a.canvas().statement())).append("</blockquote>\n");
        }
        out.append("<h2>").append(html(texts.get("document.dmu"))).append("</h2>\n<table>\n");
        for (var member : a.members()) {
            out.append("<tr><td><strong>").append(html(member.name())).append("</strong>").append(html(role(member, texts)))
                    .append("</td><td>").append(html(member.motives().isEmpty() ? texts.get("document.no-motives") : String.join(", ", member.motives())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (a.sections().isEmpty()) {
            out.append("<p>").append(html(texts.get("document.no-benefits"))).append("</p>\n");
        }
        for (var section : a.sections()) {
            out.append("<h2>").append(html(section.motive())).append("</h2>\n<ul>\n");
            for (var benefit : section.benefits()) {
                out.append("<li><strong>").append(html(benefit.benefit())).append("</strong><br><span class=\"why\">")
                        .append(html(texts.get("document.because", benefit.feature(), benefit.advantage(), benefit.subject())))
                        .append("</span><br><span class=\"for\">")
                        .append(html(texts.get("document.for", String.join(", ", benefit.forMembers())))).append("</span></li>\n");
            }
            out.append("</ul>\n");
        }
        if (a.canvas() != null) {
            out.append("<h2>").append(html(texts.get("document.canvas", a.canvas().name()))).append("</h2>\n");
            htmlAnswered(out, texts.get("document.pains"), a.canvas().pains(), texts);
            htmlAnswered(out, texts.get("document.gains"), a.canvas().gains(), texts);
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** A file name for the account, letters, digits and dashes only. */
    public static String fileName(Argumentation a, String extension) {
        String base = java.text.Normalizer.normalize(a.accountName(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase();
        return "argumentation-" + (base.isEmpty() ? String.valueOf(a.accountId()) : base) + "-" + a.date() + "." + extension;
    }

    private static void answered(StringBuilder out, String title, List<Argumentation.Answered> items, Texts texts) {
        if (items.isEmpty()) {
            return;
        }
        out.append("**").append(md(title)).append("**\n\n");
        for (var item : items) {
            out.append("- ").append(md(item.text())).append(" — ")
                    .append(md(item.answers().isEmpty() ? texts.get("document.unanswered") : String.join("; ", item.answers()))).append('\n');
        }
        out.append('\n');
    }

    private static void htmlAnswered(StringBuilder out, String title, List<Argumentation.Answered> items, Texts texts) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<p><strong>").append(html(title)).append("</strong></p>\n<ul>\n");
        for (var item : items) {
            out.append("<li>").append(html(item.text())).append(" — ")
                    .append(html(item.answers().isEmpty() ? texts.get("document.unanswered") : String.join("; ", item.answers())))
                    .append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static String date(Argumentation a, Texts texts) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(texts.locale()).format(a.date());
    }

    private static String role(Argumentation.Member member, Texts texts) {
        String role = member.dmuRole() == null ? null : texts.get("dmu." + member.dmuRole().toLowerCase());
        String job = member.jobTitle() == null || member.jobTitle().isBlank() ? null : member.jobTitle();
        if (role == null && job == null) {
            return "";
        }
        return " (" + (role == null ? job : job == null ? role : role + ", " + job) + ")";
    }

    static String md(String text) {
        return MARKDOWN_SPECIAL.matcher(text.replace("\r", "").replace("\n", " ")).replaceAll("\\\\$1");
    }

    static String html(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
