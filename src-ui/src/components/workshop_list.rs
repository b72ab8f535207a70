use crate::i18n::{t, t_args};
use leptos::prelude::*;
use systematic_ipc::{WorkshopId, WorkshopSummary};

/// The workshops on this laptop, most recently changed first.
#[component]
pub fn WorkshopList(
    workshops: Vec<WorkshopSummary>,
    on_open: Callback<WorkshopId>,
) -> impl IntoView {
    let rows = workshops
        .into_iter()
        .map(|workshop| {
            let id = workshop.id.clone();
            let changed = local_time(workshop.updated_at.timestamp_millis());
            view! {
                <li class="workshop-row card" data-testid="workshop-row">
                    <div class="workshop-facts">
                        <h2 class="workshop-title">{workshop.title}</h2>
                        <p>
                            <span class="date">{workshop.date.format("%-d %B %Y").to_string()}</span>
                            {(!workshop.venue.is_empty()).then(|| view! { " · " <span class="venue">{workshop.venue}</span> })}
                        </p>
                        <p class="muted">
                            {t_args("workshop-list-personas", &[("count", workshop.persona_count.to_string())])}
                            " · "
                            {t_args("workshop-list-changed", &[("when", changed)])}
                        </p>
                    </div>
                    <button class="primary" data-testid="open-workshop" on:click=move |_| on_open.run(id.clone())>
                        {t("workshop-list-open")}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="workshop-list" data-testid="workshop-list">{rows}</ul> }
}

/// A moment as the laptop's local date and time, e.g. "23/11/2026, 14:05:09".
fn local_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}
