use crate::facilitation_state::use_facilitation;
use crate::i18n::t;
use leptos::prelude::*;
use systematic_ipc::Operation;

/// Copies one of the personas that ship with the app (Esther, Britt-Marie) into this workshop.
#[component]
pub fn BuiltInPersonas(on_copied: Callback<()>) -> impl IntoView {
    let state = use_facilitation();
    let names = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| v.built_in_personas.clone())
                .unwrap_or_default()
        })
    });
    let chosen = RwSignal::new(String::new());
    let copy = move |_| {
        let name = chosen.get_untracked();
        if name.is_empty() {
            return;
        }
        state.edit_then(vec![Operation::CopyPersona { name }], move || {
            chosen.set(String::new());
            on_copied.run(());
        });
    };
    view! {
        <div class="inline-form built-in">
            <label>
                <span>{t("persona-built-in")}</span>
                <select data-testid="built-in-persona" prop:value=move || chosen.get()
                    on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">{t("persona-built-in-pick")}</option>
                    {move || names.get().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                </select>
            </label>
            <button data-testid="built-in-copy" disabled=move || chosen.with(String::is_empty) on:click=copy>
                {t("persona-built-in-copy")}
            </button>
        </div>
    }
}
