use crate::i18n::{t, t_args};
use leptos::prelude::*;

/// The shortest passphrase the core accepts (`protection::MIN_PASSPHRASE_CHARS`); checked here
/// too so a short one is explained before anything is sent.
const MIN_CHARS: usize = 8;

/// Chooses a new passphrase, typed twice, for protecting a workshop or a session file.
#[component]
pub fn NewPassphraseForm(
    intro: String,
    submit_label: String,
    busy: RwSignal<bool>,
    on_submit: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (typed, again) = (first.get_untracked(), second.get_untracked());
        if typed.trim().chars().count() < MIN_CHARS {
            problem.set(Some(t_args(
                "error-passphrase-too-short",
                &[("min", (MIN_CHARS as i64).into())],
            )));
        } else if typed != again {
            problem.set(Some(t("passphrase-mismatch")));
        } else {
            problem.set(None);
            first.set(String::new());
            second.set(String::new());
            on_submit.run(typed);
        }
    };
    view! {
        <form class="form new-passphrase" data-testid="new-passphrase-form" on:submit=submit>
            <p>{intro}</p>
            <p class="hint">{t("passphrase-warning")}</p>
            <label>
                <span>{t("passphrase-label")}</span>
                <input type="password" autocomplete="new-password" data-testid="new-passphrase"
                    prop:value=move || first.get()
                    on:input=move |ev| first.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{t("passphrase-again-label")}</span>
                <input type="password" autocomplete="new-password" data-testid="new-passphrase-again"
                    prop:value=move || second.get()
                    on:input=move |ev| second.set(event_target_value(&ev)) />
            </label>
            {move || problem.get().map(|text| view! {
                <p class="error" role="alert" data-testid="new-passphrase-problem">{text}</p>
            })}
            <div class="actions">
                <button type="submit" class="primary" data-testid="new-passphrase-submit"
                    disabled=move || busy.get()>
                    {move || if busy.get() { t("passphrase-checking") } else { submit_label.clone() }}
                </button>
                <button type="button" data-testid="new-passphrase-cancel"
                    on:click=move |_| on_cancel.run(())>{t("cancel")}</button>
            </div>
        </form>
    }
}
