use crate::i18n::{self, t, t_args};
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
            let changed = i18n::moment(workshop.updated_at.timestamp_millis());
            view! {
                <li class="workshop-row card" data-testid="workshop-row">
                    <div class="workshop-facts">
                        <h2 class="workshop-title">
                            {workshop.title}
                            {workshop.protected.then(|| view! {
                                " " <span class="badge protected" data-testid="protected-badge">{t("workshop-protected")}</span>
                            })}
                        </h2>
                        <p>
                            <span class="date">{i18n::date(workshop.date)}</span>
                            {(!workshop.venue.is_empty()).then(|| view! { " · " <span class="venue">{workshop.venue}</span> })}
                        </p>
                        <p class="muted">
                            {t_args("workshop-list-personas", &[("count", workshop.persona_count.into())])}
                            " · "
                            {t_args("workshop-list-changed", &[("when", changed.into())])}
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
