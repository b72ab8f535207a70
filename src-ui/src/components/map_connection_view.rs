use crate::map_geometry::Arrow;
use crate::map_items::ShownConnection;
use crate::map_state::MapState;
use leptos::prelude::*;
use systematic_ipc::Polarity;

/// One connection: an arrow with its polarity sign near the head, its label, a delay mark (‖)
/// across the middle, and a red marker when failure points are on it.
#[component]
pub fn MapConnectionView(id: String) -> impl IntoView {
    let state = expect_context::<MapState>();
    let Some(shown) = state.shown_connection(&id) else {
        return ().into_any();
    };
    let data: RwSignal<ShownConnection> = shown.into();
    let is_selected: RwSignal<bool> = state.selection_of(&id).into();
    let id = StoredValue::new(id);
    let geometry = Memo::new(move |_| {
        let (from, to, both_ways) = data.with(|c| {
            let draft = &c.connection.connection;
            (draft.from.clone(), draft.to.clone(), c.both_ways)
        });
        let (a, b) = (state.centre(&from)?, state.centre(&to)?);
        let arrow = Arrow::between(a, b, both_ways && a != b);
        Some((arrow.path(), arrow.middle, arrow.normal, arrow.sign_at))
    });
    let selected = move || is_selected.get();
    let dimmed = move || data.with(|c| state.connection_dimmed(&id.get_value(), c.failures));
    let failures = move || data.with(|c| c.failures);
    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        ev.stop_propagation();
        let me = id.get_value();
        if ev.shift_key() {
            state.toggle_selected(me);
        } else {
            state.selected.set([me].into_iter().collect());
        }
    };
    (move || {
        let c = data.with(|c| c.connection.connection.clone());
        geometry.get().map(|(path, middle, normal, sign_at)| {
            let polarity_class = match c.polarity {
                Polarity::Positive => "positive",
                Polarity::Negative => "negative",
                Polarity::Unknown => "unknown",
            };
            let sign = c.polarity.sign();
            let (label, delay) = (c.label.clone(), c.delay);
            let delay_mark = delay.then(|| {
                let (mx, my) = middle;
                let along = (normal.1, -normal.0);
                let mark = |offset: f64| {
                    let (cx, cy) = (mx + along.0 * offset, my + along.1 * offset);
                    format!("M {:.1} {:.1} L {:.1} {:.1} ", cx - normal.0 * 9.0, cy - normal.1 * 9.0, cx + normal.0 * 9.0, cy + normal.1 * 9.0)
                };
                view! { <path class="delay-mark" d=format!("{}{}", mark(-3.0), mark(3.0)) data-testid="delay-mark" /> }
            });
            view! {
                <g class=format!("map-connection {polarity_class}") class:selected=selected class:dimmed=dimmed
                    data-testid="map-connection" data-id=id.get_value() on:pointerdown=on_pointerdown>
                    <path class="hit" d=path.clone() />
                    <path class="line" d=path marker-end="url(#arrow-head)" />
                    {delay_mark}
                    <text class="polarity-sign" x=sign_at.0 y=sign_at.1 + 5.0 text-anchor="middle" data-testid="polarity-sign">{sign}</text>
                    {(!label.is_empty()).then(|| view! {
                        <text class="connection-label" x=middle.0 + normal.0 * 16.0 y=middle.1 + normal.1 * 16.0 + 4.0 text-anchor="middle">{label.clone()}</text>
                    })}
                    {move || (failures() > 0).then(|| view! {
                        <g class="failure-marker" transform=format!("translate({:.1} {:.1})", middle.0 - normal.0 * 14.0, middle.1 - normal.1 * 14.0) data-testid="failure-marker">
                            <circle r="10" />
                            <text y="5" text-anchor="middle">"!"</text>
                        </g>
                    })}
                </g>
            }
        })
    })
    .into_any()
}
