use crate::components::error_message::ErrorMessage;
use crate::components::force_merge_confirm::ForceMergeConfirm;
use crate::components::history_panel::HistoryPanel;
use crate::components::map_section::MapSection;
use crate::components::merge_report_view::MergeReportView;
use crate::components::persona_card::PersonaCard;
use crate::components::persona_form::PersonaForm;
use crate::components::session_bar::{Outcome, SessionBar};
use crate::i18n::{self, t, t_args};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, Persona, WorkshopId, WorkshopView};

/// What the persona form is doing, if it is open.
#[derive(Clone)]
enum Editing {
    New,
    Existing(Box<Persona>),
}

/// One workshop: its facts and its Personas section.
#[component]
pub fn WorkshopPage(id: WorkshopId, on_back: Callback<()>) -> impl IntoView {
    let workshop = RwSignal::new(None::<WorkshopView>);
    let error = RwSignal::new(None::<AppError>);
    let editing = RwSignal::new(None::<Editing>);
    let saved = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let show_history = RwSignal::new(false);

    spawn_local({
        let id = id.clone();
        async move {
            match ipc::open_workshop(id).await {
                Ok(view) => workshop.set(Some(view)),
                Err(e) => error.set(Some(e)),
            }
        }
    });

    // After a save the whole view is fetched again, so undo and redo know about the edit.
    let on_saved = Callback::new({
        let id = id.clone();
        move |_: Persona| {
            editing.set(None);
            saved.set(true);
            let id = id.clone();
            spawn_local(async move {
                match ipc::open_workshop(id).await {
                    Ok(view) => workshop.set(Some(view)),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    });
    let on_cancel = Callback::new(move |()| editing.set(None));
    let on_edit = Callback::new(move |persona: Persona| {
        saved.set(false);
        editing.set(Some(Editing::Existing(Box::new(persona))));
    });

    let map_workshop = id.clone();
    let form = move || {
        editing.get().map(|mode| {
            let existing = match mode {
                Editing::New => None,
                Editing::Existing(persona) => Some(*persona),
            };
            view! { <PersonaForm workshop=id.clone() existing=existing on_saved=on_saved on_cancel=on_cancel /> }
        })
    };

    let cards = move || {
        workshop.get().map(|view| {
            if view.personas.is_empty() {
                view! { <p class="empty muted" data-testid="personas-empty">{t("personas-empty")}</p> }.into_any()
            } else {
                view.personas
                    .into_iter()
                    .map(|persona| view! { <PersonaCard persona=persona on_edit=on_edit /> })
                    .collect_view()
                    .into_any()
            }
        })
    };

    view! {
        <section class="workshop" data-testid="workshop-page">
            <button class="link" data-testid="back-home" on:click=move |_| on_back.run(())>
                "← " {t("workshop-back")}
            </button>
            <ErrorMessage error=error />
            {move || workshop.get().map(|view| {
                let meta = view.meta;
                view! {
                    <div class="page-head">
                        <div>
                            <h1 data-testid="workshop-heading">{meta.title}</h1>
                            <p class="muted">
                                {i18n::date(meta.date)}
                                {(!meta.venue.is_empty()).then(|| format!(" · {}", meta.venue))}
                                {(!meta.facilitator.is_empty()).then(|| format!(" · {}", t_args("workshop-facilitated-by", &[("name", meta.facilitator.clone().into())])))}
                            </p>
                        </div>
                    </div>
                }
            })}
            <SessionBar workshop=workshop error=error outcome=outcome show_history=show_history />
            {move || match outcome.get() {
                Some(Outcome::Saved(path)) => view! {
                    <p class="saved" role="status" data-testid="session-saved">
                        {t_args("session-saved", &[("path", path.into())])}
                    </p>
                }.into_any(),
                Some(Outcome::ConfirmForce(paths, reason)) => view! {
                    <ForceMergeConfirm paths=paths reason=reason workshop=workshop error=error outcome=outcome />
                }.into_any(),
                Some(Outcome::Merged(report)) => view! {
                    <MergeReportView report=report workshop=workshop error=error
                        on_close=Callback::new(move |()| outcome.set(None)) />
                }.into_any(),
                None => ().into_any(),
            }}
            <Show when=move || show_history.get()>
                <HistoryPanel workshop=workshop error=error />
            </Show>
            <section class="personas" aria-labelledby="personas-heading">
                <div class="section-head">
                    <div>
                        <h2 id="personas-heading">{t("personas-title")}</h2>
                        <p class="muted">{t("personas-intro")}</p>
                    </div>
                    <button class="primary" data-testid="add-persona"
                        disabled=move || workshop.get().is_none()
                        on:click=move |_| { saved.set(false); editing.set(Some(Editing::New)); }>
                        {t("persona-add")}
                    </button>
                </div>
                <Show when=move || saved.get()>
                    <p class="saved" role="status" data-testid="saved">{t("saved")}</p>
                </Show>
                {form}
                <div class="persona-grid">{cards}</div>
            </section>
            <MapSection workshop=map_workshop error=error />
        </section>
    }
}
