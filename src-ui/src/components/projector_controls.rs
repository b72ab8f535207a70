use crate::components::app::ProjectorOpen;
use crate::facilitation_state::use_facilitation;
use crate::i18n::t;
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::Showing;

/// Opens the projector window and chooses what it shows besides the stage: a persona, the map
/// or a vote round. Names of who voted appear there only when the facilitator ticks the box.
#[component]
pub fn ProjectorControls(personas: Signal<Vec<(String, String)>>) -> impl IntoView {
    let state = use_facilitation();
    // Provided by `App`; were it missing, the button would simply stay usable.
    let projector_open = use_context::<ProjectorOpen>().map(|open| open.0);
    let choice = RwSignal::new(String::from("stage"));
    let names = RwSignal::new(false);
    let rounds = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| {
                    v.rounds
                        .iter()
                        .map(|r| (r.id.clone(), r.question.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let send = move || {
        let picked = choice.get_untracked();
        let showing = match picked.split_once(':') {
            Some(("persona", id)) => Showing::Persona { id: id.to_owned() },
            Some(("round", id)) => Showing::Round { id: id.to_owned() },
            _ if picked == "map" => Showing::Map,
            _ => Showing::Stage,
        };
        let workshop = state.workshop();
        let show_names = names.get_untracked();
        spawn_local(async move {
            if let Err(e) = ipc::show_on_projector(workshop, showing, show_names).await {
                state.error.set(Some(e));
            }
        });
    };
    let open = move |_| {
        send();
        spawn_local(async move {
            if let Err(e) = ipc::open_projector().await {
                state.error.set(Some(e));
            }
        });
    };
    let close = move |_| {
        spawn_local(async move {
            if let Err(e) = ipc::close_projector().await {
                state.error.set(Some(e));
            }
        });
    };
    view! {
        <div class="projector-controls">
            <button data-testid="projector-open" on:click=open>{t("projector-open")}</button>
            <button data-testid="projector-close" on:click=close
                disabled=move || projector_open.is_some_and(|open| !open.get())>
                {t("projector-close")}
            </button>
            <label>
                <span>{t("projector-shows")}</span>
                <select data-testid="projector-shows" prop:value=move || choice.get()
                    on:change=move |ev| { choice.set(event_target_value(&ev)); send(); }>
                    <option value="stage">{t("projector-shows-stage")}</option>
                    <option value="map">{t("projector-shows-map")}</option>
                    {move || personas.get().into_iter().map(|(id, name)| view! {
                        <option value=format!("persona:{id}")>{format!("{}: {name}", t("kind-persona"))}</option>
                    }).collect_view()}
                    {move || rounds.get().into_iter().map(|(id, question)| view! {
                        <option value=format!("round:{id}")>{format!("{}: {question}", t("kind-vote_round"))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="projector-names" prop:checked=move || names.get()
                    on:change=move |ev| { names.set(event_target_checked(&ev)); send(); } />
                <span>{t("projector-names")}</span>
            </label>
        </div>
    }
}
