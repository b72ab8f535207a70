use crate::i18n::{t, t_args};
use leptos::prelude::*;
use systematic_ipc::RoundResults;

/// A round's results as a bar chart that grows in when shown: overall, or split into people
/// with lived experience and carers against professionals. Ties are flagged, turnout shown.
#[component]
pub fn VoteResults(
    results: RoundResults,
    /// Whether to split by role; kept by the caller so it survives the results being redrawn.
    #[prop(optional)]
    by_role: Option<RwSignal<bool>>,
) -> impl IntoView {
    let by_role = by_role.unwrap_or_else(|| RwSignal::new(false));
    let most = results
        .items
        .iter()
        .map(|i| i.dots)
        .max()
        .unwrap_or(0)
        .max(1);
    // Through the style property, not a style attribute, which the content security policy refuses.
    let width = move |dots: u32| format!("{}%", f64::from(dots) * 100.0 / f64::from(most));
    let items = results.items.clone();
    view! {
        <div class="vote-results" data-testid="vote-results">
            <div class="section-head">
                <p class="muted" data-testid="turnout">
                    {t_args("results-turnout", &[("voters", results.voters.into()), ("present", results.present.into())])}
                    {(results.paper_dots > 0).then(|| format!(" · {}", t_args("results-paper", &[("dots", results.paper_dots.into())])))}
                    {(results.excess_dots > 0).then(|| format!(" · {}", t_args("results-excess", &[("dots", results.excess_dots.into())])))}
                </p>
                <label class="check">
                    <input type="checkbox" data-testid="results-by-role" prop:checked=move || by_role.get()
                        on:change=move |ev| by_role.set(event_target_checked(&ev)) />
                    <span>{t("results-by-role")}</span>
                </label>
            </div>
            <Show when=move || by_role.get()>
                <p class="legend">
                    <span class="swatch people"></span>{t("results-people")}
                    <span class="swatch professionals"></span>{t("results-professionals")}
                    <span class="swatch others"></span>{t("results-others")}
                </p>
            </Show>
            <ol class="result-bars">
                {items.into_iter().map(|item| {
                    let (people, pros, others) = (item.people_dots, item.professional_dots, item.other_dots);
                    view! {
                        <li class="result-row" data-testid="result-row">
                            <span class="result-label">
                                {item.label.clone()}
                                {item.tied.then(|| view! { <span class="tie" data-testid="result-tie">{t("results-tie")}</span> })}
                            </span>
                            <span class="bar-track">
                                {move || if by_role.get() {
                                    view! {
                                        <span class="bar people" style:width=width(people) data-testid="bar-people"></span>
                                        <span class="bar professionals" style:width=width(pros) data-testid="bar-professionals"></span>
                                        <span class="bar others" style:width=width(others)></span>
                                    }.into_any()
                                } else {
                                    view! { <span class="bar" style:width=width(item.dots)></span> }.into_any()
                                }}
                            </span>
                            <span class="result-dots" data-testid="result-dots">
                                {move || if by_role.get() {
                                    t_args("results-dots-by-role", &[("people", people.into()), ("professionals", pros.into()), ("others", others.into())])
                                } else {
                                    t_args("results-dots", &[("dots", item.dots.into())])
                                }}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}
