use crate::map_picture::{transform, MARGIN, PICTURE_ID};
use crate::map_state::MapState;
use leptos::prelude::*;

/// The bitmap that stands in for the map while the view pans or zooms (see `map_picture`): it
/// is drawn once when the view starts moving and then only slid and scaled, so a gesture on a
/// big map stays smooth. Hidden the rest of the time; screen readers never see it.
#[component]
pub fn MapQuickPicture() -> impl IntoView {
    let state = expect_context::<MapState>();
    // A change to the map or the selection mid-gesture makes the picture stale: show the SVG.
    Effect::new(move |_| {
        state.map.track();
        state.selected.track();
        if state.moving.get_untracked().is_some() {
            state.moving.set(None);
        }
    });
    let css_transform = move || {
        state
            .moving
            .get()
            .map(|drawn| transform(drawn, state.viewport.get(), state.size.get_untracked()))
    };
    let px = |value: f64| format!("{value:.1}px");
    view! {
        <canvas id=PICTURE_ID class="map-picture" aria-hidden="true" data-testid="map-picture"
            style:display=move || if state.moving.get().is_some() { "block" } else { "none" }
            style:left=move || px(-state.size.get().0 * MARGIN)
            style:top=move || px(-state.size.get().1 * MARGIN)
            style:width=move || px(state.size.get().0 * (1.0 + 2.0 * MARGIN))
            style:height=move || px(state.size.get().1 * (1.0 + 2.0 * MARGIN))
            style:transform=css_transform>
        </canvas>
    }
}
