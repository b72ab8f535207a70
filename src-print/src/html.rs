//! The workshop report as one self-contained HTML file (styles, portraits and the map inline),
//! from the same [`PrintData`] as the PDF, for e-mail and for screen readers. Every workshop word
//! goes through [`escape`], so a note saying `<script>` shows as those characters.

use crate::data::{PrintData, RoundChart};
use std::fmt::Write;

/// `text` safe inside HTML text and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:'DejaVu Sans',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111827;line-height:1.45}\
h1{font-size:2rem}h2{border-top:1px solid #d1d5db;padding-top:1rem;margin-top:2rem}\
.muted{color:#4b5563}.over{color:#c81e1e;font-weight:bold}.failure{color:#c81e1e}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #d1d5db;padding:.3rem .4rem;vertical-align:top}\
.persona{border:1px solid #d1d5db;border-radius:6px;padding:.8rem;margin:1rem 0}.persona img{width:4rem;height:4rem;border-radius:50%;float:right}\
.bar{display:inline-block;height:.8rem}.people{background:#1d4ed8}.professionals{background:#c2410c}.others{background:#6b7280}\
blockquote{border-left:3px solid #1d4ed8;margin:.5rem 0;padding-left:.6rem;color:#1d4ed8}.map svg{max-width:100%;height:auto}\
.tied{border:1px solid #4b5563;border-radius:3px;font-size:.75rem;padding:0 .2rem}";

struct Page<'d> {
    data: &'d PrintData,
    out: String,
}

impl Page<'_> {
    fn word(&self, id: &str) -> String {
        escape(self.data.words.get(id).map_or(id, String::as_str))
    }

    fn heading(&mut self, id: &str) {
        let word = self.word(id);
        let _ = write!(self.out, "<h2 id=\"{id}\">{word}</h2>");
    }

    fn none_yet(&mut self) {
        let word = self.word("print-none-yet");
        let _ = write!(self.out, "<p class=\"muted\">{word}</p>");
    }

    fn field(&mut self, id: &str, value: &str) {
        if !value.is_empty() {
            let label = self.word(id);
            let _ = write!(
                self.out,
                "<p><strong>{label}</strong><br>{}</p>",
                escape(value)
            );
        }
    }

    fn round(&mut self, round: &RoundChart) {
        let _ = write!(
            self.out,
            "<h3>{}</h3><p class=\"muted\">{}</p>",
            escape(&round.question),
            escape(&round.turnout)
        );
        let Some(rows) = &round.results else {
            let word = self.word("print-round-hidden");
            let _ = write!(self.out, "<p class=\"muted\">{word}</p>");
            return;
        };
        let tied = self.word("print-tied");
        self.out.push_str("<table>");
        for row in rows {
            let width = |dots: u32| dots * 24 / round.most.max(1) * 10;
            let _ = write!(
                self.out,
                "<tr><td>{}.</td><td>{}{}</td><td><span class=\"bar people\" style=\"width:{}px\"></span>\
                 <span class=\"bar professionals\" style=\"width:{}px\"></span>\
                 <span class=\"bar others\" style=\"width:{}px\"></span> {}</td></tr>",
                row.rank,
                escape(&row.label),
                if row.tied { format!(" <span class=\"tied\">{tied}</span>") } else { String::new() },
                width(row.people),
                width(row.professionals),
                width(row.others),
                escape(&row.dots_text),
            );
        }
        self.out.push_str("</table>");
    }
}

/// The report as HTML; `map_svg` is the map picture (the map export's SVG).
pub fn report(data: &PrintData, map_svg: &str) -> String {
    let mut page = Page {
        data,
        out: String::new(),
    };
    let w = &data.workshop;
    let title = format!("{} · {}", page.word("print-report"), escape(&w.title));
    let _ = write!(
        page.out,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title>\
         <style>{STYLE}</style></head><body><header><p class=\"muted\">{}</p><h1>{}</h1><p>{} · {}</p><p class=\"muted\">{}</p></header>",
        escape(&data.lang),
        page.word("print-report"),
        escape(&w.title),
        escape(&w.date),
        escape(&w.venue),
        escape(&w.printed_on),
    );

    // Contents
    let sections = [
        "print-agenda-as-run",
        "print-participants",
        "print-personas",
        "print-journeys",
        "print-system-map",
        "print-scenarios",
        "print-notes-by-theme",
        "print-vote-results",
        "print-priorities-and-actions",
        "print-patient-contract",
    ];
    let _ = write!(
        page.out,
        "<nav><h2>{}</h2><ol>",
        page.word("print-contents")
    );
    for id in sections {
        let word = page.word(id);
        let _ = write!(page.out, "<li><a href=\"#{id}\">{word}</a></li>");
    }
    page.out.push_str("</ol></nav>");

    page.heading("print-agenda-as-run");
    let header = [
        "print-stage",
        "print-planned",
        "print-spent",
        "print-status",
    ]
    .map(|id| page.word(id));
    let _ = write!(
        page.out,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        header[0], header[1], header[2], header[3]
    );
    for stage in &data.stages {
        let _ = write!(
            page.out,
            "<tr><td><strong>{}</strong><br><span class=\"muted\">{}</span></td><td>{}</td><td{}>{}</td><td>{}</td></tr>",
            escape(&stage.name),
            escape(&stage.goal),
            escape(&stage.planned),
            if stage.over { " class=\"over\"" } else { "" },
            escape(&stage.spent),
            escape(&stage.status),
        );
    }
    let _ = write!(
        page.out,
        "<tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr></table>",
        page.word("print-total"),
        escape(&data.stages_total.planned),
        escape(&data.stages_total.spent)
    );

    page.heading("print-participants");
    let _ = write!(
        page.out,
        "<p class=\"muted\">{}</p><ul>",
        page.word("print-participants-count")
    );
    for row in &data.roles {
        let people: Vec<String> = row.people.iter().map(|p| escape(p)).collect();
        let _ = write!(
            page.out,
            "<li><strong>{}</strong> ({}): {}</li>",
            escape(&row.role),
            people.len(),
            people.join(", ")
        );
    }
    page.out.push_str("</ul>");

    page.heading("print-personas");
    if data.personas.is_empty() {
        page.none_yet();
    }
    for p in &data.personas {
        page.out.push_str("<section class=\"persona\">");
        if let Some(svg) = p
            .portrait
            .as_deref()
            .and_then(|path| path.strip_prefix("/portraits/")?.strip_suffix(".svg"))
            .and_then(crate::world::portrait)
        {
            // Our own bundled file, percent-encoded into a data URL (no script runs in an <img>).
            let encoded: String = String::from_utf8_lossy(svg)
                .chars()
                .map(|c| match c {
                    '%' | '#' | '"' | '<' | '>' | '\n' | '\r' => format!("%{:02X}", c as u32),
                    c => c.to_string(),
                })
                .collect();
            let _ = write!(
                page.out,
                "<img alt=\"\" src=\"data:image/svg+xml;charset=utf-8,{encoded}\">"
            );
        }
        let _ = write!(
            page.out,
            "<h3>{}</h3><p class=\"muted\">{} {}</p>",
            escape(&p.name),
            escape(&p.age),
            escape(&p.segment)
        );
        page.field("print-conditions", &p.conditions.join(" · "));
        page.field("print-living-situation", &p.living_situation);
        page.field("print-what-matters", &p.what_matters);
        page.field("print-goals", &p.goals);
        page.field("print-worries", &p.worries);
        page.field("print-family-and-friends", &p.family_and_friends);
        page.field("print-services-used", &p.services_used.join(" · "));
        if !p.quote.is_empty() {
            let _ = write!(page.out, "<blockquote>“{}”</blockquote>", escape(&p.quote));
        }
        page.out.push_str("</section>");
    }

    page.heading("print-journeys");
    if data.journeys.is_empty() {
        page.none_yet();
    }
    for journey in &data.journeys {
        let _ = write!(
            page.out,
            "<h3>{}</h3><p class=\"muted\">{}</p><ol>",
            escape(&journey.title),
            escape(&journey.persona)
        );
        for step in &journey.steps {
            let _ = write!(
                page.out,
                "<li{}><strong>{}</strong> ({}) · {:+}<br>{}</li>",
                if step.failure {
                    " class=\"failure\""
                } else {
                    ""
                },
                escape(&step.touchpoint),
                escape(&step.service),
                step.emotion,
                escape(&step.what_happened),
            );
        }
        page.out.push_str("</ol>");
    }

    page.heading("print-system-map");
    let _ = write!(
        page.out,
        "<p class=\"muted\">{}</p>",
        escape(&data.map.summary)
    );
    // The map export's SVG escapes every label it draws; it is inlined as it is.
    let _ = write!(
        page.out,
        "<div class=\"map\">{}</div><ol>",
        map_svg.trim_start_matches(|c| c != '<')
    );
    for failure in &data.map.failures {
        let _ = write!(
            page.out,
            "<li><strong>{}</strong>: {} <span class=\"muted\">{}</span></li>",
            escape(&failure.on),
            escape(&failure.description),
            escape(&failure.severity)
        );
    }
    page.out.push_str("</ol>");

    page.heading("print-scenarios");
    if data.scenarios.is_empty() {
        page.none_yet();
    }
    let (impact, likelihood) = (page.word("print-impact"), page.word("print-likelihood"));
    for s in &data.scenarios {
        let _ = write!(
            page.out,
            "<h3>{}</h3><p class=\"muted\">{} · {impact} {} · {likelihood} {}</p><p>{}</p>",
            escape(&s.title),
            escape(&s.persona),
            escape(&s.impact),
            escape(&s.likelihood),
            escape(&s.narrative)
        );
    }

    page.heading("print-notes-by-theme");
    if data.themes.is_empty() {
        page.none_yet();
    }
    for theme in &data.themes {
        let _ = write!(
            page.out,
            "<h3>{} ({})</h3><ul>",
            escape(&theme.theme),
            theme.notes.len()
        );
        for note in &theme.notes {
            let _ = write!(page.out, "<li>{}</li>", escape(note));
        }
        page.out.push_str("</ul>");
    }

    page.heading("print-vote-results");
    if data.rounds.is_empty() {
        page.none_yet();
    }
    for round in &data.rounds {
        page.round(round);
    }

    page.heading("print-priorities-and-actions");
    page.out.push_str("<ol>");
    for p in &data.priorities {
        let _ = write!(
            page.out,
            "<li>{} <span class=\"muted\">{}</span></li>",
            escape(&p.text),
            escape(&p.dots)
        );
    }
    let header = ["print-owner", "print-due", "print-status"].map(|id| page.word(id));
    let _ = write!(
        page.out,
        "</ol><table><tr><th></th><th>{}</th><th>{}</th><th>{}</th></tr>",
        header[0], header[1], header[2]
    );
    for a in &data.actions {
        let _ = write!(
            page.out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&a.text),
            escape(&a.owner),
            escape(&a.due),
            escape(&a.status)
        );
    }
    page.out.push_str("</table>");

    page.heading("print-patient-contract");
    page.out.push_str("<ul>");
    for c in &data.contract {
        let _ = write!(
            page.out,
            "<li>{} <span class=\"muted\">{}</span></li>",
            escape(&c.text),
            escape(&c.persona)
        );
    }
    page.out.push_str("</ul></body></html>\n");
    page.out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_workshop_words_stays_text() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"quotes\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"
        );
    }
}
