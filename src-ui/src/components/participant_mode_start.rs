use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Starts participant mode: the facilitator sets a PIN (at least four characters) that is needed
/// to leave it again.
#[component]
pub fn ParticipantModeStart(pin: RwSignal<Option<String>>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let start = move |ev: SubmitEvent| {
        ev.prevent_default();
        let chosen = typed.get_untracked().trim().to_owned();
        if chosen.chars().count() >= 4 {
            typed.set(String::new());
            asking.set(false);
            pin.set(Some(chosen));
        }
    };
    view! {
        <div class="participant-mode-start">
            {move || if asking.get() {
                view! {
                    <form class="inline-form" on:submit=start>
                        <label>
                            <span>{t("participant-mode-set-pin")}</span>
                            <input type="password" inputmode="numeric" autocomplete="off" minlength="4"
                                data-testid="participant-mode-new-pin"
                                prop:value=move || typed.get()
                                on:input=move |ev| typed.set(event_target_value(&ev)) />
                        </label>
                        <button type="submit" class="primary" data-testid="participant-mode-go"
                            disabled=move || typed.with(|p| p.trim().chars().count() < 4)>
                            {t("participant-mode-go")}
                        </button>
                        <button type="button" on:click=move |_| asking.set(false)>{t("cancel")}</button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <button data-testid="participant-mode-start" on:click=move |_| asking.set(true)>
                        {t("participant-mode-start")}
                    </button>
                }.into_any()
            }}
        </div>
    }
}
