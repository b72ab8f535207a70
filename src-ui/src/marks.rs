//! Timing marks for the canvas benchmark (`measure-map`): when the page has put an array at
//! `window.__systematicMarks`, `mark` appends `[name, performance.now()]` to it; otherwise it
//! does nothing. And the start-up's marks in the page's performance timeline, which `measure`
//! reads to show where the time from launch to the home screen goes.

use wasm_bindgen::JsValue;

thread_local! {
    /// The start-up steps already marked: each is marked the first time only ("Try again" on
    /// the home screen is not start-up).
    static MARKED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Marks a step of start-up (`performance.mark`), once; costs microseconds, so it is always on.
pub fn startup(step: &'static str) {
    if MARKED.with(|marked| {
        let mut marked = marked.borrow_mut();
        let first = !marked.contains(&step);
        if first {
            marked.push(step);
        }
        !first
    }) {
        return;
    }
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(step);
    }
}

pub fn mark(name: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(marks) = js_sys::Reflect::get(&window, &JsValue::from_str("__systematicMarks")) else {
        return;
    };
    if let Some(marks) = marks.dyn_ref::<js_sys::Array>() {
        let now = window.performance().map(|p| p.now()).unwrap_or_default();
        marks.push(&js_sys::Array::of2(&name.into(), &now.into()));
    }
}

use wasm_bindgen::JsCast as _;
