use crate::components::error_message::ErrorMessage;
use crate::i18n::{t, t_args};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::AppError;

/// Help, opened from the top bar: the version and "Copy diagnostic report". The report is shown
/// in full before anything is copied, so the facilitator sees that it holds no workshop content.
#[component]
pub fn HelpPanel(on_close: Callback<()>) -> impl IntoView {
    let report = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<AppError>);
    // None: not tried; Some(true): on the clipboard; Some(false): copy by hand.
    let copied = RwSignal::new(None::<bool>);

    let show_report = move |_| {
        spawn_local(async move {
            error.set(None);
            copied.set(None);
            match ipc::diagnostic_report().await {
                Ok(text) => report.set(Some(text)),
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let copy = move |_| {
        let Some(text) = report.get_untracked() else {
            return;
        };
        spawn_local(async move {
            copied.set(Some(ipc::copy_to_clipboard(&text).await.is_ok()));
        })
    };

    view! {
        <div class="help-panel card" role="dialog" aria-labelledby="help-title" data-testid="help-panel">
            <div class="section-head">
                <h2 id="help-title">{t("help-title")}</h2>
                <button data-testid="close-help" on:click=move |_| on_close.run(())>{t("help-close")}</button>
            </div>
            <p data-testid="app-version">
                {t_args("help-version", &[("version", env!("CARGO_PKG_VERSION").to_owned().into())])}
            </p>
            <p>{t("help-diagnostics-intro")}</p>
            <ErrorMessage error=error />
            {move || match report.get() {
                None => view! {
                    <button class="primary" data-testid="show-diagnostics" on:click=show_report>
                        {t("help-diagnostics-show")}
                    </button>
                }.into_any(),
                Some(text) => view! {
                    <p>{t("help-diagnostics-check")}</p>
                    <pre class="diagnostic-report" data-testid="diagnostic-report" tabindex="0">{text}</pre>
                    <div class="actions">
                        <button class="primary" data-testid="copy-diagnostics" on:click=copy>
                            {t("help-diagnostics-copy")}
                        </button>
                        <button on:click=move |_| { report.set(None); copied.set(None); }>
                            {t("help-diagnostics-hide")}
                        </button>
                    </div>
                }.into_any(),
            }}
            {move || copied.get().map(|done| if done {
                view! { <p class="saved" role="status" data-testid="diagnostics-copied">{t("help-diagnostics-copied")}</p> }.into_any()
            } else {
                view! { <p class="hint" role="status" data-testid="diagnostics-not-copied">{t("help-diagnostics-copy-by-hand")}</p> }.into_any()
            })}
        </div>
    }
}
