use crate::i18n::{moment, t, t_args};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, Conflict, WorkshopView};

/// One conflict from a merge: every value with the laptop and time it came from, and a button
/// to keep each. Keeping one is a new change every laptop will see.
#[component]
pub fn ConflictChoice(
    conflict: Conflict,
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let settled = RwSignal::new(None::<String>);
    let field_label = t(&format!("field-{}", conflict.field));
    let values = conflict
        .values
        .iter()
        .map(|value| {
            let shown = display(&value.value);
            let keep = {
                let conflict = conflict.clone();
                let chosen = value.value.clone();
                let shown = shown.clone();
                move |_| {
                    let Some(id) = workshop.get_untracked().map(|w| w.id) else {
                        return;
                    };
                    let (item, field, chosen, shown) = (
                        conflict.item.clone(),
                        conflict.field.clone(),
                        chosen.clone(),
                        shown.clone(),
                    );
                    spawn_local(async move {
                        match ipc::settle_conflict(id, item.kind, item.id, field, chosen).await {
                            Ok(view) => {
                                workshop.set(Some(view));
                                settled.set(Some(shown));
                            }
                            Err(e) => error.set(Some(e)),
                        }
                    });
                }
            };
            view! {
                <li>
                    <span class="value">{shown.clone()}</span>
                    <span class="muted">
                        {t_args("conflict-from", &[("laptop", value.laptop.clone().into()), ("when", moment(value.time).into())])}
                    </span>
                    <button data-testid="keep-value" disabled=move || settled.get().is_some() on:click=keep>
                        {t("conflict-keep")}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="conflict" data-testid="conflict">
            <p>
                <strong>{conflict.item.label.clone()}</strong>
                {format!(" · {field_label}")}
            </p>
            <ul class="values">{values}</ul>
            {move || settled.get().map(|value| view! {
                <p class="saved" role="status" data-testid="conflict-settled">
                    {t_args("conflict-settled", &[("value", value.into())])}
                </p>
            })}
        </li>
    }
}

/// A stored value as a person reads it.
fn display(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => t("conflict-empty"),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(true) => t("yes"),
        serde_json::Value::Bool(false) => t("no"),
        other => other.to_string(),
    }
}
