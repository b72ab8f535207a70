use crate::i18n::t;
use leptos::prelude::*;

/// Asks for an existing passphrase (to unlock a workshop, open or merge a protected file, or
/// remove a protection). The field is emptied once it is sent: a passphrase is never left
/// on screen.
#[component]
pub fn PassphrasePrompt(
    intro: String,
    submit_label: String,
    /// Set by the caller while the passphrase is being checked (it takes a moment, on purpose).
    busy: RwSignal<bool>,
    on_submit: Callback<String>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = passphrase.get_untracked();
        if typed.is_empty() || busy.get_untracked() {
            return;
        }
        passphrase.set(String::new());
        on_submit.run(typed);
    };
    view! {
        <form class="form passphrase-prompt" data-testid="passphrase-prompt" on:submit=submit>
            <p>{intro}</p>
            <label>
                <span>{t("passphrase-label")}</span>
                <input type="password" autocomplete="off" data-testid="passphrase-input"
                    prop:value=move || passphrase.get()
                    on:input=move |ev| passphrase.set(event_target_value(&ev)) />
            </label>
            <div class="actions">
                <button type="submit" class="primary" data-testid="passphrase-submit"
                    disabled=move || busy.get()>
                    {move || if busy.get() { t("passphrase-checking") } else { submit_label.clone() }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" data-testid="passphrase-cancel"
                        on:click=move |_| cancel.run(())>{t("cancel")}</button>
                })}
            </div>
        </form>
    }
}
