use leptos::prelude::*;

/// The bundled portrait illustrations, by the names the model accepts
/// (`systematic-core`'s `schema::PORTRAITS`). Drawn, not photographs: a persona is a composite,
/// never a real person.
pub const PORTRAITS: &[(&str, &str)] = &[
    (
        "heather",
        include_str!("../../../assets/portraits/heather.svg"),
    ),
    ("oak", include_str!("../../../assets/portraits/oak.svg")),
    (
        "swallow",
        include_str!("../../../assets/portraits/swallow.svg"),
    ),
    (
        "lighthouse",
        include_str!("../../../assets/portraits/lighthouse.svg"),
    ),
    (
        "teapot",
        include_str!("../../../assets/portraits/teapot.svg"),
    ),
    (
        "bicycle",
        include_str!("../../../assets/portraits/bicycle.svg"),
    ),
    (
        "garden",
        include_str!("../../../assets/portraits/garden.svg"),
    ),
    (
        "harbour",
        include_str!("../../../assets/portraits/harbour.svg"),
    ),
];

/// One portrait illustration, drawn inline (our own SVG files, compiled in).
#[component]
pub fn Portrait(name: String) -> impl IntoView {
    let svg = PORTRAITS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, svg)| *svg)
        .unwrap_or_default();
    view! { <span class="portrait" data-portrait=name inner_html=svg></span> }
}
