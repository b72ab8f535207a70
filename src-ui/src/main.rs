//! The SysteMatic Workshop user interface (Leptos, client-side rendered, compiled to wasm).

mod components;
mod i18n;
mod ipc;
mod map_geometry;
mod map_items;
mod map_picture;
mod map_state;
mod marks;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(components::app::App);
}
