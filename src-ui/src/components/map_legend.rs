use crate::i18n::t;
use leptos::prelude::*;
use systematic_ipc::NodeKind;

/// What each shape and colour on the map stands for, and how arrows are read.
#[component]
pub fn MapLegend() -> impl IntoView {
    view! {
        <ul class="map-legend" data-testid="map-legend" aria-label=t("map-legend")>
            {NodeKind::ALL.into_iter().map(|kind| {
                let (fill, stroke) = kind.colours();
                view! {
                    <li>
                        <span class=format!("swatch shape-{}", kind.name()) style=format!("background: {fill}; border-color: {stroke}")></span>
                        {t(&format!("node-kind-{}", kind.name()))}
                    </li>
                }
            }).collect_view()}
            <li><b>"+"</b>" "{t("map-legend-positive")}</li>
            <li><b>"−"</b>" "{t("map-legend-negative")}</li>
            <li><b>"‖"</b>" "{t("map-legend-delay")}</li>
            <li><span class="failure-dot">"!"</span>" "{t("map-legend-failure")}</li>
        </ul>
    }
}
