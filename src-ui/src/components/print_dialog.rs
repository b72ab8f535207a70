use crate::components::error_message::ErrorMessage;
use crate::facilitation_state::FacilitationState;
use crate::i18n::{self, t, t_args};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{
    AppError, CardLayout, FilePurpose, PosterSize, PrintDestination, PrintOutcome, PrintRequest,
    Printout, Worksheet,
};

/// The printouts offered, by the name their words use (`print-what-<name>`).
const WHAT: [&str; 8] = [
    "report",
    "persona-cards",
    "map-poster",
    "journeys",
    "vote-results",
    "persona-sheet",
    "journey-sheet",
    "voting-sheet",
];

/// The languages a printout can be made in (those of the printout words).
const LANGUAGES: [(&str, &str); 2] = [("en-GB", "English"), ("sv", "Svenska")];

/// The Print dialog: what to print and how, a preview of the first pages, and where to send it
/// (a printer, a PDF file, or the PDF viewer). Typesetting happens in the app, away from the
/// window, so the page stays usable meanwhile.
#[component]
pub fn PrintDialog(on_close: Callback<()>) -> impl IntoView {
    let state = expect_context::<FacilitationState>();
    let rounds = state.select(|f| {
        f.rounds
            .iter()
            .map(|r| (r.id.clone(), r.question.clone()))
            .collect::<Vec<_>>()
    });
    let what = RwSignal::new(WHAT[0].to_string());
    let cards_a5 = RwSignal::new(false);
    let size = RwSignal::new(PosterSize::A3);
    let tiled = RwSignal::new(false);
    let round = RwSignal::new(String::new());
    // Off each time the dialog opens: real names go on paper only when asked for, every time.
    let include_personal = RwSignal::new(false);
    let language = RwSignal::new(
        if i18n::locale() == "sv" {
            "sv"
        } else {
            "en-GB"
        }
        .to_string(),
    );
    let copies = RwSignal::new(1_u32);
    let pages = RwSignal::new(String::new());
    let printer = RwSignal::new(String::new());
    let preview = RwSignal::new(None::<PrintOutcome>);
    let busy = RwSignal::new(false);
    // Steps of the current printout done, of three (reading, typesetting, writing).
    let step = RwSignal::new(0_u32);
    let error = RwSignal::new(None::<AppError>);
    let status = RwSignal::new(None::<String>);
    // Only the newest preview is shown when several were asked for in a row.
    let generation = StoredValue::new(0_u32);

    let printout = move || -> Option<Printout> {
        Some(match what.get().as_str() {
            "persona-cards" => Printout::PersonaCards {
                layout: if cards_a5.get() {
                    CardLayout::A5
                } else {
                    CardLayout::FourOnA4
                },
            },
            "map-poster" => Printout::MapPoster {
                size: size.get(),
                tiled: tiled.get(),
            },
            "journeys" => Printout::Journeys,
            "vote-results" => Printout::VoteResults,
            "persona-sheet" => Printout::Worksheet {
                sheet: Worksheet::Persona,
            },
            "journey-sheet" => Printout::Worksheet {
                sheet: Worksheet::Journey,
            },
            "voting-sheet" => {
                let chosen = round.get();
                let chosen = if chosen.is_empty() {
                    rounds.with(|r| r.first().map(|(id, _)| id.clone()))?
                } else {
                    chosen
                };
                Printout::Worksheet {
                    sheet: Worksheet::Voting { round: chosen },
                }
            }
            _ => Printout::Report,
        })
    };
    let request = move |destination: Option<PrintDestination>| {
        printout().map(|printout| PrintRequest {
            workshop: state.workshop(),
            printout,
            language: language.get_untracked(),
            destination,
            include_personal_details: what.get_untracked() == "report"
                && include_personal.get_untracked(),
        })
    };

    // A fresh preview whenever a choice changes.
    Effect::new(move |_| {
        let Some(asked) = printout().map(|printout| PrintRequest {
            workshop: state.workshop(),
            printout,
            language: language.get(),
            destination: None,
            include_personal_details: what.get() == "report" && include_personal.get(),
        }) else {
            preview.set(None);
            return;
        };
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        busy.set(true);
        step.set(0);
        spawn_local(async move {
            let result = ipc::print(asked, move |done| {
                if generation.get_value() == mine {
                    step.set(done);
                }
            })
            .await;
            if generation.get_value() != mine {
                return;
            }
            busy.set(false);
            match result {
                Ok(outcome) => {
                    error.set(None);
                    preview.set(Some(outcome));
                }
                Err(e) => {
                    preview.set(None);
                    error.set(Some(e));
                }
            }
        });
    });

    let send = move |destination: PrintDestination, done: String| {
        let Some(asked) = request(Some(destination)) else {
            return;
        };
        status.set(None);
        busy.set(true);
        step.set(0);
        spawn_local(async move {
            let result = ipc::print(asked, move |done| step.set(done)).await;
            busy.set(false);
            match result {
                Ok(outcome) => {
                    error.set(None);
                    let path = outcome.path.unwrap_or_default();
                    status.set(Some(done.replace("{path}", &path)));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let to_printer = move |_| {
        send(
            PrintDestination::Printer {
                printer: printer.get_untracked(),
                copies: copies.get_untracked(),
                pages: pages.get_untracked(),
            },
            t("print-sent"),
        );
    };
    let to_viewer = move |_| send(PrintDestination::Viewer, t("print-opened"));
    let to_file = move |_| {
        let suggested_name = format!("{}.pdf", what.get_untracked());
        spawn_local(async move {
            match ipc::choose_files(FilePurpose::SavePdf { suggested_name }).await {
                Ok(Some(paths)) if !paths.is_empty() => send(
                    PrintDestination::File {
                        path: paths[0].clone(),
                    },
                    t_args("print-saved", &[("path", "{path}".to_string().into())]),
                ),
                Ok(_) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };

    view! {
        <div class="print-dialog" role="dialog" aria-modal="true" aria-labelledby="print-title" data-testid="print-dialog">
            <div class="section-head">
                <h2 id="print-title">{t("print-title")}</h2>
                <button data-testid="print-close" on:click=move |_| on_close.run(())>{t("print-close")}</button>
            </div>
            <div class="print-body">
                <div class="print-choices">
                    <label>{t("print-what")}
                        <select data-testid="print-what" on:change=move |ev| what.set(event_target_value(&ev))>
                            {WHAT.iter().map(|name| view! {
                                <option value=*name selected=move || what.get() == *name>{t(&format!("print-what-{name}"))}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <Show when=move || what.get() == "persona-cards">
                        <fieldset>
                            <legend>{t("print-cards-on")}</legend>
                            <label><input type="radio" name="cards-on" checked=move || !cards_a5.get()
                                on:change=move |_| cards_a5.set(false) />{t("print-cards-four")}</label>
                            <label><input type="radio" name="cards-on" data-testid="print-cards-a5" checked=move || cards_a5.get()
                                on:change=move |_| cards_a5.set(true) />{t("print-cards-a5")}</label>
                        </fieldset>
                    </Show>
                    <Show when=move || what.get() == "map-poster">
                        <label>{t("print-paper")}
                            <select data-testid="print-paper" on:change=move |ev| {
                                let chosen = event_target_value(&ev);
                                if let Some(found) = PosterSize::ALL.into_iter().find(|s| s.name() == chosen) {
                                    size.set(found);
                                }
                            }>
                                {PosterSize::ALL.into_iter().map(|s| view! {
                                    <option value=s.name() selected=move || size.get() == s>{s.name().to_uppercase()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label><input type="checkbox" data-testid="print-tiled" prop:checked=move || tiled.get()
                            on:change=move |ev| tiled.set(event_target_checked(&ev)) />{t("print-tiled")}</label>
                    </Show>
                    <Show when=move || what.get() == "voting-sheet">
                        <label>{t("print-round")}
                            <select data-testid="print-round" on:change=move |ev| round.set(event_target_value(&ev))>
                                {move || rounds.get().into_iter().map(|(id, question)| view! {
                                    <option value=id.clone() selected=move || round.get() == id>{question}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    </Show>
                    <Show when=move || what.get() == "report">
                        <label class="personal-tick"><input type="checkbox" data-testid="print-personal"
                            prop:checked=move || include_personal.get()
                            on:change=move |ev| include_personal.set(event_target_checked(&ev)) />
                            {t("print-include-personal")}</label>
                    </Show>
                    <label>{t("print-language")}
                        <select data-testid="print-language" on:change=move |ev| language.set(event_target_value(&ev))>
                            {LANGUAGES.iter().map(|(tag, name)| view! {
                                <option value=*tag lang=*tag selected=move || language.get() == *tag>{*name}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>{t("print-copies")}
                        <input type="number" min="1" max="999" data-testid="print-copies" prop:value=move || copies.get().to_string()
                            on:change=move |ev| copies.set(event_target_value(&ev).parse().unwrap_or(1).clamp(1, 999)) />
                    </label>
                    <label>{t("print-pages")}
                        <input type="text" data-testid="print-pages" prop:value=move || pages.get()
                            on:change=move |ev| pages.set(event_target_value(&ev)) />
                    </label>
                    <label>{t("print-printer")}
                        <input type="text" data-testid="print-printer" prop:value=move || printer.get()
                            on:change=move |ev| printer.set(event_target_value(&ev)) />
                    </label>
                    <div class="print-actions">
                        <button class="primary" data-testid="print-send" disabled=move || busy.get() on:click=to_printer>{t("print-send")}</button>
                        <button data-testid="print-save" disabled=move || busy.get() on:click=to_file>{t("print-save-pdf")}</button>
                        <button data-testid="print-viewer" disabled=move || busy.get() on:click=to_viewer>{t("print-open-viewer")}</button>
                    </div>
                    <ErrorMessage error=error />
                    {move || status.get().map(|text| view! { <p class="saved" role="status" data-testid="print-status">{text}</p> })}
                </div>
                <section class="print-preview" aria-labelledby="print-preview-title" aria-busy=move || busy.get().to_string()
                    data-testid="print-preview-section" data-steps-done=move || step.get().to_string()>
                    <h3 id="print-preview-title">{t("print-preview")}
                        {move || preview.get().map(|p| format!(" · {}", t_args("print-preview-pages", &[("pages", p.pages.into())])))}
                    </h3>
                    <Show when=move || busy.get()>
                        <p class="muted" role="status" data-testid="print-busy">
                            <progress max="3" value=move || step.get().to_string() aria-label=t("print-preview")></progress>
                            " "{t("print-typesetting")}
                        </p>
                    </Show>
                    <div class="preview-pages" data-testid="print-preview">
                        {move || preview.get().map(|p| p.previews.into_iter().enumerate().map(|(index, svg)| {
                            let source = format!(
                                "data:image/svg+xml;charset=utf-8,{}",
                                String::from(js_sys::encode_uri_component(&svg))
                            );
                            view! {
                                <img class="preview-page" src=source
                                    alt=t_args("print-preview-page", &[("page", (index as i64 + 1).into())]) />
                            }
                        }).collect_view())}
                    </div>
                </section>
            </div>
        </div>
    }
}
