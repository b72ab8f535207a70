//! The SysteMatic Workshop user interface (Leptos, client-side rendered, compiled to wasm).

mod components;
mod facilitation_state;
mod focus;
mod i18n;
mod ipc;
mod map_geometry;
mod map_items;
mod map_picture;
mod map_state;
mod marks;
mod save_state;

fn main() {
    marks::startup("wasm main() starts");
    console_error_panic_hook::set_once();
    // The projector window loads the same page with `#projector`.
    let projector = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|hash| hash == "#projector");
    if projector {
        use leptos::prelude::*;
        leptos::mount::mount_to_body(|| {
            view! {
                <Suspense fallback=|| ()>
                    {Suspend::new(send_wrapper::SendWrapper::new(
                        components::projector_screen::projector_screen(),
                    ))}
                </Suspense>
            }
        });
    } else {
        leptos::mount::mount_to_body(components::app::App);
    }
    marks::startup("first screen mounted");
}
