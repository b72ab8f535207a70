use crate::components::vote_booth::VoteBooth;
use crate::facilitation_state::use_facilitation;
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use serde_json::json;
use systematic_ipc::Round;

/// The locked-down screen for a laptop passed round the table: write a note, place your dots,
/// nothing else. No undo and no history (they would show earlier people's dots). Leaving needs
/// the PIN the facilitator set when starting it, kept in this window's memory only.
#[component]
pub fn ParticipantMode(pin: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_facilitation();
    let text = RwSignal::new(String::new());
    let saved = RwSignal::new(false);
    let booth = RwSignal::new(None::<Round>);
    let leaving = RwSignal::new(false);
    let typed_pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let input = NodeRef::<Input>::new();
    // Nothing outside this screen is for participants, not even the language (changing it
    // reloads the window): the page says so with a class while the mode is on.
    let set_locked = |on: bool| {
        if let Some(body) = document().body() {
            let _ = body
                .class_list()
                .toggle_with_force("participant-mode-on", on);
        }
    };
    set_locked(true);
    on_cleanup(move || set_locked(false));
    let question = Memo::new(move |_| {
        state.view.with(|v| {
            let v = v.as_ref()?;
            let current = v.current_stage.as_ref()?;
            v.stages.iter().find(|s| &s.id == current).map(|s| {
                if s.question.is_empty() {
                    s.name.clone()
                } else {
                    s.question.clone()
                }
            })
        })
    });
    let open_rounds = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| {
                    v.rounds
                        .iter()
                        .filter(|r| r.open)
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let write = move |ev: SubmitEvent| {
        ev.prevent_default();
        let words = text.get_untracked();
        if words.trim().is_empty() {
            return;
        }
        state.edit_then(vec![state.note(vec![("text", json!(words))])], move || {
            text.set(String::new());
            saved.set(true);
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        });
    };
    let leave = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pin.get_untracked().as_deref() == Some(typed_pin.get_untracked().trim()) {
            pin.set(None);
        } else {
            wrong.set(true);
            typed_pin.set(String::new());
        }
    };
    view! {
        <section class="participant-mode" data-testid="participant-mode">
            <h1>{t("participant-mode-title")}</h1>
            {move || question.get().map(|q| view! { <p class="stage-question big-question">{q}</p> })}
            <form class="note-capture" on:submit=write>
                <label class="grow">
                    <span>{t("participant-mode-note")}</span>
                    <input type="text" node_ref=input data-testid="participant-note" maxlength="1000"
                        prop:value=move || text.get()
                        on:input=move |ev| { saved.set(false); text.set(event_target_value(&ev)) } />
                </label>
                <button type="submit" class="primary big" data-testid="participant-note-add">{t("note-add")}</button>
            </form>
            <Show when=move || saved.get()>
                <p class="saved" role="status" data-testid="participant-note-saved">{t("participant-mode-note-saved")}</p>
            </Show>
            <div class="actions">
                {move || open_rounds.get().into_iter().map(|round| {
                    let label = format!("{} {}", t("participant-mode-vote"), round.question);
                    view! {
                        <button class="big" data-testid="participant-vote"
                            on:click=move |_| booth.set(Some(round.clone()))>{label}</button>
                    }
                }).collect_view()}
            </div>
            {move || booth.get().map(|round| view! {
                <VoteBooth round=round on_close=Callback::new(move |()| booth.set(None)) />
            })}
            <div class="leave">
                {move || if leaving.get() {
                    view! {
                        <form class="inline-form" on:submit=leave>
                            <label>
                                <span>{t("participant-mode-pin")}</span>
                                <input type="password" inputmode="numeric" autocomplete="off" data-testid="participant-mode-pin"
                                    aria-invalid=move || wrong.get().to_string()
                                    prop:value=move || typed_pin.get()
                                    on:input=move |ev| typed_pin.set(event_target_value(&ev)) />
                            </label>
                            <button type="submit" data-testid="participant-mode-unlock">{t("participant-mode-unlock")}</button>
                            <Show when=move || wrong.get()>
                                <p class="error" role="alert">{t("participant-mode-wrong-pin")}</p>
                            </Show>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <button class="link" data-testid="participant-mode-leave"
                            on:click=move |_| leaving.set(true)>{t("participant-mode-leave")}</button>
                    }.into_any()
                }}
            </div>
        </section>
    }
}
