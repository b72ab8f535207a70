use crate::facilitation_state::{add, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;

/// Adds an action to a priority: what, who owns it, by when.
#[component]
pub fn ActionForm(priority: String) -> impl IntoView {
    let state = use_facilitation();
    let text = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut pairs = vec![
            ("text", json!(text.get_untracked())),
            ("owner", json!(owner.get_untracked())),
            ("priority", json!(priority.clone())),
            ("status", json!("not_started")),
        ];
        let due = due.get_untracked();
        if !due.trim().is_empty() {
            pairs.push(("due", json!(due.trim())));
        }
        state.edit_then(vec![add("action", &pairs)], move || {
            text.set(String::new());
            owner.set(String::new());
        });
    };
    view! {
        <form class="inline-form action-form" on:submit=submit data-testid="action-form">
            <label class="grow">
                <span>{t("action-text")}</span>
                <input type="text" data-testid="action-text" required
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{t("action-owner")}</span>
                <input type="text" data-testid="action-owner"
                    prop:value=move || owner.get()
                    on:input=move |ev| owner.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{t("action-due")}</span>
                <input type="date" data-testid="action-due"
                    prop:value=move || due.get()
                    on:input=move |ev| due.set(event_target_value(&ev)) />
            </label>
            <button type="submit" data-testid="action-add">{t("action-add")}</button>
        </form>
    }
}
