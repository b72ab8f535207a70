use crate::components::agenda_panel::AgendaPanel;
use crate::components::built_in_personas::BuiltInPersonas;
use crate::components::contract_panel::ContractPanel;
use crate::components::damaged_workshop::DamagedWorkshop;
use crate::components::error_message::ErrorMessage;
use crate::components::force_merge_confirm::ForceMergeConfirm;
use crate::components::history_panel::HistoryPanel;
use crate::components::journeys_panel::JourneysPanel;
use crate::components::learning_panel::LearningPanel;
use crate::components::map_section::MapSection;
use crate::components::merge_report_view::MergeReportView;
use crate::components::new_passphrase_form::NewPassphraseForm;
use crate::components::notes_board::NotesBoard;
use crate::components::participant_mode::ParticipantMode;
use crate::components::participant_mode_start::ParticipantModeStart;
use crate::components::participants_panel::ParticipantsPanel;
use crate::components::passphrase_prompt::PassphrasePrompt;
use crate::components::persona_card::PersonaCard;
use crate::components::persona_form::PersonaForm;
use crate::components::print_dialog::PrintDialog;
use crate::components::priorities_panel::PrioritiesPanel;
use crate::components::projector_controls::ProjectorControls;
use crate::components::protection_panel::ProtectionPanel;
use crate::components::scenarios_panel::ScenariosPanel;
use crate::components::session_bar::{save_session, MergeTargets, Outcome, SessionBar};
use crate::components::stage_bar::StageBar;
use crate::components::unlock_workshop::UnlockWorkshop;
use crate::components::vote_panel::VotePanel;
use crate::components::workshop_tabs::{Tab, WorkshopTabs};
use crate::facilitation_state::{clock_ms, FacilitationState};
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

/// The workshop screen, split off the UI's main wasm module at this function (`cargo xtask`
/// cuts it there) and fetched the first time a workshop is opened: the home screen does not wait
/// for the map, voting and printing code to be fetched and compiled.
///
/// Built untracked: it runs inside a `Suspend`, which would otherwise rebuild the whole page (and
/// lose its open tab) whenever a signal the page reads while being set up changes.
#[lazy]
pub fn workshop_screen(id: WorkshopId, on_back: Callback<()>) -> AnyView {
    untrack(move || view! { <WorkshopPage id=id on_back=on_back /> }.into_any())
}

/// One workshop: its facts, the current stage and its timer, and its sections as tabs.
#[component]
pub fn WorkshopPage(id: WorkshopId, on_back: Callback<()>) -> impl IntoView {
    let workshop = RwSignal::new(None::<WorkshopView>);
    let error = RwSignal::new(None::<AppError>);
    let editing = RwSignal::new(None::<Editing>);
    let saved = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let show_history = RwSignal::new(false);
    let show_protection = RwSignal::new(false);
    let show_print = RwSignal::new(false);
    let tab = RwSignal::new(Tab::Personas);
    // Set while the laptop is passed round in participant mode: the PIN that ends it.
    let participant_pin = RwSignal::new(None::<String>);
    provide_context(tab);
    let facilitation = FacilitationState::new(id.clone(), error);
    provide_context(facilitation);

    // The workshop view changes after undo, redo, merges and persona saves: read the
    // facilitation view again then. A facilitation edit answers its own view and only passes
    // its undo state on to the workshop view, which must not read everything back again.
    let passing_on = StoredValue::new(false);
    Effect::new(move |_| {
        if workshop.with(Option::is_some) && !std::mem::take(&mut *passing_on.write_value()) {
            facilitation.reload();
        }
    });
    // The map and the persona forms change the document through their own requests: read the
    // view again whenever another tab is opened, so its lists (candidates, personas) are current.
    Effect::new(move |previous: Option<Tab>| {
        let now = tab.get();
        if previous.is_some_and(|p| p != now) {
            facilitation.reload();
        }
        now
    });
    Effect::new(move |_| {
        let Some((can_undo, can_redo)) = facilitation
            .view
            .with(|v| v.as_ref().map(|v| (v.can_undo, v.can_redo)))
        else {
            return;
        };
        let differs = workshop.with_untracked(|w| {
            w.as_ref()
                .is_some_and(|w| (w.can_undo, w.can_redo) != (can_undo, can_redo))
        });
        if differs {
            passing_on.set_value(true);
            workshop.update(|w| {
                if let Some(w) = w {
                    w.can_undo = can_undo;
                    w.can_redo = can_redo;
                }
            });
        }
    });
    // Locked (on opening, by "Lock now", or by another copy of the app while it was open): the
    // workshop leaves the page and the unlock form stays until it opens again, whatever else
    // goes wrong meanwhile.
    let locked = RwSignal::new(false);
    Effect::new(move |_| {
        if error.with(|e| {
            e.as_ref()
                .is_some_and(|e| e.message_id == "error-workshop-locked")
        }) {
            locked.set(true);
            if workshop.with_untracked(Option::is_some) {
                workshop.set(None);
            }
        }
    });
    Effect::new(move |_| {
        if workshop.with(Option::is_some) {
            locked.set(false);
        }
    });
    // The stage clock ticks once a second.
    let tick = set_interval_with_handle(
        move || facilitation.now.set(clock_ms()),
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
    });

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
    let on_copied = Callback::new({
        let id = id.clone();
        move |()| {
            let id = id.clone();
            spawn_local(async move {
                match ipc::open_workshop(id).await {
                    Ok(view) => workshop.set(Some(view)),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    });
    let on_edit = Callback::new(move |persona: Persona| {
        saved.set(false);
        editing.set(Some(Editing::Existing(Box::new(persona))));
    });

    let map_workshop = id.clone();
    let damaged_id = id.clone();
    let locked_id = id.clone();
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

    let page = move || {
        view! {
        <section class="workshop" data-testid="workshop-page">
            <button class="link" data-testid="back-home" on:click=move |_| on_back.run(())>
                "← " {t("workshop-back")}
            </button>
            // A locked workshop is explained by the unlock form below, not as an error.
            <ErrorMessage error=Signal::derive(move || {
                error.get().filter(|e| e.message_id != "error-workshop-locked")
            }) />
            {
                let id = damaged_id.clone();
                move || {
                    let damaged = workshop.with(Option::is_none)
                        && error.with(|e| e.as_ref().is_some_and(|e| e.message_id == "error-workshop-damaged"));
                    damaged.then(|| view! { <DamagedWorkshop id=id.clone() workshop=workshop error=error /> })
                }
            }
            {
                let id = locked_id.clone();
                move || {
                    (locked.get() && workshop.with(Option::is_none))
                        .then(|| view! { <UnlockWorkshop id=id.clone() workshop=workshop error=error /> })
                }
            }
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
                        <button data-testid="print-open" on:click=move |_| show_print.set(true)>{t("print-open")}</button>
                    </div>
                }
            })}
            <Show when=move || show_print.get()>
                <PrintDialog on_close=Callback::new(move |()| show_print.set(false)) />
            </Show>
            // Nothing of the workshop is shown until it has opened (not while it is locked or
            // damaged: its tabs would be empty).
            <div class="workshop-body" hidden=move || workshop.with(Option::is_none)>
            <SessionBar workshop=workshop error=error outcome=outcome show_history=show_history
                show_protection=show_protection />
            <Show when=move || show_protection.get()>
                <ProtectionPanel workshop=workshop error=error
                    on_close=Callback::new(move |()| show_protection.set(false)) />
            </Show>
            {move || match outcome.get() {
                Some(Outcome::Saved(path)) => view! {
                    <p class="saved" role="status" data-testid="session-saved">
                        {t_args("session-saved", &[("path", path.into())])}
                    </p>
                }.into_any(),
                Some(Outcome::ConfirmForce(paths, reason, passphrase)) => view! {
                    <ForceMergeConfirm paths=paths reason=reason passphrase=passphrase
                        workshop=workshop error=error outcome=outcome />
                }.into_any(),
                Some(Outcome::SaveProtected) => {
                    let busy = RwSignal::new(false);
                    view! {
                    <div class="card">
                    <NewPassphraseForm intro=t("session-protect-intro")
                        submit_label=t("session-protect-choose") busy=busy
                        on_submit=Callback::new(move |passphrase: String| {
                            save_session(workshop, error, outcome, Some(passphrase), busy);
                        })
                        on_cancel=Callback::new(move |()| outcome.set(None)) />
                    </div>
                    }.into_any()
                }
                Some(Outcome::MergeNeedsPassphrase { paths, force }) => {
                    let busy = RwSignal::new(false);
                    view! {
                    <div class="card">
                        <PassphrasePrompt intro=t("session-passphrase-intro")
                            submit_label=t("session-merge-with-passphrase") busy=busy
                            on_submit=Callback::new(move |passphrase: String| {
                                if let Some(id) = workshop.get_untracked().map(|w| w.id) {
                                    MergeTargets { workshop, error, outcome, busy }
                                        .merge(id, paths.clone(), force, Some(passphrase));
                                }
                            })
                            on_cancel=Callback::new(move |()| { outcome.set(None); error.set(None); }) />
                    </div>
                    }.into_any()
                }
                Some(Outcome::Merged(report)) => view! {
                    <MergeReportView report=report workshop=workshop error=error
                        on_close=Callback::new(move |()| outcome.set(None)) />
                }.into_any(),
                None => ().into_any(),
            }}
            <Show when=move || show_history.get()>
                <HistoryPanel workshop=workshop error=error />
            </Show>
            <div class="workshop-head">
            <StageBar />
            <WorkshopTabs tab=tab />
            </div>
            <ParticipantModeStart pin=participant_pin />
            <ProjectorControls personas=Signal::derive(move || workshop.with(|w| w.as_ref().map(|w| {
                w.personas.iter().map(|p| (p.id.0.clone(), p.details.name.clone())).collect()
            }).unwrap_or_default())) />
            <div class="tab-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", tab.get().name())>
            {move || match tab.get() {
                Tab::Agenda => view! { <AgendaPanel /> }.into_any(),
                Tab::People => view! { <ParticipantsPanel /> }.into_any(),
                Tab::Notes => view! { <NotesBoard /> }.into_any(),
                Tab::Voting => view! { <VotePanel /> }.into_any(),
                Tab::Priorities => view! { <PrioritiesPanel /> <ContractPanel /> <LearningPanel /> }.into_any(),
                Tab::Journeys => view! { <JourneysPanel /> }.into_any(),
                Tab::Scenarios => view! { <ScenariosPanel /> }.into_any(),
                Tab::Map => view! { <MapSection workshop=map_workshop.clone() error=error /> }.into_any(),
                Tab::Personas => view! {
            <section class="personas" aria-labelledby="personas-heading">
                <div class="section-head">
                    <div>
                        <h2 id="personas-heading">{t("personas-title")}</h2>
                        <p class="muted">{t("personas-intro")}</p>
                    </div>
                    <BuiltInPersonas on_copied=on_copied />
                    <button class="primary" data-testid="add-persona"
                        disabled=move || workshop.get().is_none()
                        on:click=move |_| { saved.set(false); editing.set(Some(Editing::New)); }>
                        {t("persona-add")}
                    </button>
                </div>
                <Show when=move || saved.get()>
                    <p class="saved" role="status" data-testid="saved">{t("saved")}</p>
                </Show>
                {form.clone()}
                <div class="persona-grid">{cards}</div>
            </section>
                }.into_any(),
            }}
            </div>
            </div>
        </section>
        }
    };
    // In participant mode the page stays as it is, hidden, so the facilitator comes back to it.
    view! {
        <div hidden=move || participant_pin.with(Option::is_some)>{page()}</div>
        {move || participant_pin.with(Option::is_some).then(|| view! { <ParticipantMode pin=participant_pin /> })}
    }
}
