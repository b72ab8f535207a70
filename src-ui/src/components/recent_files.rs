use crate::i18n::t;
use leptos::prelude::*;

/// The session files used lately on this laptop, to open again with one click: the file's name,
/// and the folder it is in underneath (a USB stick's folder tells which stick to plug in).
#[component]
pub fn RecentFiles(files: Signal<Vec<String>>, on_pick: Callback<String>) -> impl IntoView {
    view! {
        <section class="recent-files card" aria-labelledby="recent-files-heading" data-testid="recent-files">
            <h2 id="recent-files-heading">{t("home-recent-files")}</h2>
            <ul>
                {move || files.get().into_iter().map(|path| {
                    let (folder, name) = match path.rsplit_once('/') {
                        Some((folder, name)) => (folder.to_owned(), name.to_owned()),
                        None => (String::new(), path.clone()),
                    };
                    view! {
                        <li>
                            <button class="link" data-testid="recent-file" title=path.clone()
                                on:click=move |_| on_pick.run(path.clone())>
                                {name}
                            </button>
                            <span class="muted">{folder}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
