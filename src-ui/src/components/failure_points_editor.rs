use crate::i18n::{t, t_args};
use crate::map_state::MapState;
use leptos::prelude::*;
use systematic_ipc::{FailureDraft, MapEdit};

/// The failure points on one node or connection: listed, with a form to mark another
/// ("Discharged on a Friday and nobody tells her GP") and its severity.
#[component]
pub fn FailurePointsEditor(on: String) -> impl IntoView {
    let state = expect_context::<MapState>();
    let on = StoredValue::new(on);
    let description = RwSignal::new(String::new());
    let severity = RwSignal::new(3u8);
    let existing = move || {
        state.map.with(|m| {
            m.failures
                .iter()
                .filter(|f| f.failure.on == on.get_value())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let text = description.get_untracked().trim().to_owned();
        if text.is_empty() {
            return;
        }
        let failure = FailureDraft {
            on: on.get_value(),
            description: text,
            severity: Some(severity.get_untracked()),
            raised_by: None,
        };
        state.edit(vec![MapEdit::AddFailure { failure }], move |_| {
            description.set(String::new())
        });
    };
    view! {
        <fieldset class="failure-points" data-testid="failure-points">
            <legend>{t("map-failures")}</legend>
            <ul>
                {move || existing().into_iter().map(|f| {
                    let id = f.id.clone();
                    view! {
                        <li data-testid="failure-point">
                            <span class="failure-dot" aria-hidden="true">"!"</span>
                            {f.failure.description.clone()}
                            {f.failure.severity.map(|s| view! {
                                <span class="muted">{format!(" · {}", t_args("map-severity-value", &[("severity", i64::from(s).into())]))}</span>
                            })}
                            <button type="button" class="link" on:click=move |_| {
                                state.edit(vec![MapEdit::Delete { ids: vec![id.clone()] }], |_| {});
                            }>{t("map-delete")}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <label>{t("map-failure-description")}
                <textarea rows="2" data-testid="failure-description" prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </label>
            <label>{t("field-severity")}
                <select data-testid="failure-severity" on:change=move |ev| {
                    if let Ok(s) = event_target_value(&ev).parse::<u8>() { severity.set(s) }
                }>
                    {(1u8..=5).map(|s| view! { <option value=s.to_string() selected=s == 3>{s.to_string()}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" data-testid="add-failure" on:click=add>{t("map-failure-add")}</button>
        </fieldset>
    }
}
