use crate::i18n::t;
use leptos::prelude::*;
use systematic_ipc::Scenario;

/// Impact (up) against likelihood (across), 1 to 5 each: the scenarios in the top right are the
/// ones to worry about first.
#[component]
pub fn ScenarioMatrix(scenarios: Memo<Vec<Scenario>>) -> impl IntoView {
    let cell = move |impact: u8, likelihood: u8| {
        scenarios.with(|all| {
            all.iter()
                .filter(|s| s.impact == Some(impact) && s.likelihood == Some(likelihood))
                .map(|s| s.title.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <table class="risk-matrix" data-testid="scenario-matrix">
            <caption>{t("scenario-matrix")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("field-impact")} " ↓ / " {t("field-likelihood")} " →"</th>
                    {(1..=5).map(|l| view! { <th scope="col">{l.to_string()}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {(1..=5u8).rev().map(|impact| view! {
                    <tr>
                        <th scope="row">{impact.to_string()}</th>
                        {(1..=5u8).map(|likelihood| view! {
                            <td class=format!("risk-{}", (impact * likelihood).div_ceil(5))>
                                {move || cell(impact, likelihood).into_iter().map(|title| view! {
                                    <span class="matrix-item">{title}</span>
                                }).collect_view()}
                            </td>
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
