use crate::components::action_form::ActionForm;
use crate::facilitation_state::{add, set, use_facilitation};
use crate::i18n::{t, t_args};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;
use systematic_ipc::ActionStatus;

/// Priorities (from closed rounds, or added by hand) and the actions that answer each: who,
/// by when, how far along.
#[component]
pub fn PrioritiesPanel() -> impl IntoView {
    let state = use_facilitation();
    let text = RwSignal::new(String::new());
    let priorities = state.select(|v| v.priorities.clone());
    let add_priority = move |ev: SubmitEvent| {
        ev.prevent_default();
        state.edit_then(
            vec![add("priority", &[("text", json!(text.get_untracked()))])],
            move || text.set(String::new()),
        );
    };
    view! {
        <section class="priorities" aria-labelledby="priorities-heading" data-testid="priorities">
            <h2 id="priorities-heading">{t("priorities-title")}</h2>
            <p class="muted">{t("priorities-intro")}</p>
            <Show when=move || priorities.with(Vec::is_empty)>
                <p class="muted empty">{t("priorities-empty")}</p>
            </Show>
            <ol class="priority-list">
                <For each=move || priorities.get() key=|p| format!("{p:?}") let:priority>
                    {
                        let id = priority.id.clone();
                        let actions = {
                            let id = id.clone();
                            Memo::new(move |_| state.view.with(|v| v.as_ref().map(|v| {
                                v.actions.iter().filter(|a| a.priority.as_ref() == Some(&id)).cloned().collect::<Vec<_>>()
                            }).unwrap_or_default()))
                        };
                        view! {
                            <li class="card priority" data-testid="priority">
                                <h3>{priority.text.clone()}</h3>
                                {priority.dots.map(|d| view! { <p class="muted">{t_args("results-dots", &[("dots", d.into())])}</p> })}
                                <ul class="action-list">
                                    <For each=move || actions.get() key=|a| format!("{a:?}") let:action>
                                        {
                                            let action_id = action.id.clone();
                                            let label = format!("{}: {}", t("action-status"), action.text);
                                            view! {
                                                <li class="action" data-testid="action">
                                                    <span class="action-text">{action.text.clone()}</span>
                                                    <span class="muted">
                                                        {(!action.owner.is_empty()).then(|| format!(" · {}", action.owner))}
                                                        {action.due.map(|d| format!(" · {}", crate::i18n::date(d)))}
                                                    </span>
                                                    <select aria-label=label data-testid="action-status"
                                                        on:change=move |ev| state.edit(vec![set("action", &action_id, &[("status", json!(event_target_value(&ev)))])])>
                                                        {ActionStatus::ALL.into_iter().map(|s| view! {
                                                            <option value=s.name() selected=s == action.status>
                                                                {t(&format!("action-status-{}", s.name().replace('_', "-")))}
                                                            </option>
                                                        }).collect_view()}
                                                    </select>
                                                </li>
                                            }
                                        }
                                    </For>
                                </ul>
                                <ActionForm priority=id.clone() />
                            </li>
                        }
                    }
                </For>
            </ol>
            <form class="inline-form" on:submit=add_priority>
                <label class="grow">
                    <span>{t("priority-new")}</span>
                    <input type="text" data-testid="priority-text" required
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="priority-add">{t("priority-add")}</button>
            </form>
        </section>
    }
}
