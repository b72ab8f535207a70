use crate::components::portrait::{Portrait, PORTRAITS};
use crate::i18n::t;
use leptos::prelude::*;

/// Chooses a persona's portrait from the bundled illustrations, or none.
#[component]
pub fn PortraitPicker(chosen: RwSignal<Option<String>>) -> impl IntoView {
    let options = PORTRAITS
        .iter()
        .map(|(name, _)| {
            let name = (*name).to_owned();
            let value = name.clone();
            let label = t(&format!("portrait-{name}"));
            let title = label.clone();
            view! {
                <label class="portrait-option" title=title>
                    <input type="radio" name="portrait" data-testid="portrait-option" value=name.clone()
                        prop:checked=move || chosen.get().as_deref() == Some(value.as_str())
                        on:change={
                            let name = name.clone();
                            move |_| chosen.set(Some(name.clone()))
                        } />
                    <Portrait name=name.clone() />
                    <span class="visually-hidden">{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="portrait-picker">
            <legend>{t("field-portrait")}</legend>
            <label class="portrait-option none">
                <input type="radio" name="portrait" prop:checked=move || chosen.get().is_none()
                    on:change=move |_| chosen.set(None) />
                <span>{t("portrait-none")}</span>
            </label>
            {options}
        </fieldset>
    }
}
