use crate::components::note_card::NoteCard;
use crate::facilitation_state::{add, set, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use serde_json::json;
use systematic_ipc::Note;

/// The note colours, as stored.
pub const COLOURS: [&str; 5] = ["yellow", "pink", "blue", "green", "orange"];

/// How the board colours its notes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ColourBy {
    /// The colour picked when the note was written.
    Note,
    /// People with lived experience and carers, professionals, others.
    Role,
    /// The laptop (table) it was written on.
    Table,
}

/// Sticky notes: captured as fast as people talk (type, Enter, next) into the current stage,
/// then clustered into themes by dragging them (or picking the theme, from the keyboard).
#[component]
pub fn NotesBoard() -> impl IntoView {
    let state = use_facilitation();
    let text = RwSignal::new(String::new());
    let colour = RwSignal::new(String::from("yellow"));
    let author = RwSignal::new(String::new());
    let theme_name = RwSignal::new(String::new());
    let colour_by = RwSignal::new(ColourBy::Note);
    // Which stage's notes the board shows (empty: every stage).
    let shown_stage = RwSignal::new(String::new());
    let stages = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| {
                    v.stages
                        .iter()
                        .map(|s| (s.id.clone(), s.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let dragged = RwSignal::new(None::<String>);
    let input = NodeRef::<Input>::new();
    let notes = state.select(|v| v.notes.clone());
    let themes = state.select(|v| v.themes.clone());
    let participants = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| v.participants.clone())
                .unwrap_or_default()
        })
    });

    let capture = move |ev: SubmitEvent| {
        ev.prevent_default();
        let words = text.get_untracked();
        if words.trim().is_empty() {
            return;
        }
        let mut pairs = vec![
            ("text", json!(words)),
            ("colour", json!(colour.get_untracked())),
        ];
        let who = author.get_untracked();
        if !who.is_empty() {
            pairs.push(("participant", json!(who)));
        }
        state.edit_then(vec![state.note(pairs)], move || {
            text.set(String::new());
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        });
    };
    let add_theme = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = theme_name.get_untracked();
        state.edit_then(vec![add("theme", &[("name", json!(name))])], move || {
            theme_name.set(String::new())
        });
    };
    let drop_on = move |theme: Option<String>| {
        if let Some(note) = dragged.get_untracked() {
            dragged.set(None);
            state.edit(vec![set(
                "note",
                &note,
                &[("theme", theme.map_or(serde_json::Value::Null, |t| json!(t)))],
            )]);
        }
    };
    let column = move |theme: Option<String>, heading: AnyView| {
        let for_drop = theme.clone();
        let in_column = {
            let theme = theme.clone();
            move || {
                notes
                    .get()
                    .into_iter()
                    .filter(|n: &Note| n.theme == theme)
                    .filter(|n: &Note| {
                        shown_stage.with(|s| s.is_empty() || n.stage.as_deref() == Some(s.as_str()))
                    })
                    .collect::<Vec<_>>()
            }
        };
        view! {
            <section class="note-column" data-testid="note-column"
                on:dragover=move |ev| ev.prevent_default()
                on:drop=move |ev| { ev.prevent_default(); drop_on(for_drop.clone()); }>
                {heading}
                <ul class="note-list">
                    <For each=in_column key=|n| format!("{n:?}") let:note>
                        <NoteCard note=note colour_by=colour_by dragged=dragged />
                    </For>
                </ul>
            </section>
        }
    };

    view! {
        <section class="notes" aria-labelledby="notes-heading" data-testid="notes">
            <h2 id="notes-heading">{t("notes-title")}</h2>
            <form class="note-capture" on:submit=capture data-testid="note-capture">
                <label class="grow">
                    <span>{t("note-text")}</span>
                    <input type="text" node_ref=input data-testid="note-text" maxlength="1000"
                        placeholder=t("note-text-hint")
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t("note-colour")}</span>
                    <select data-testid="note-colour" prop:value=move || colour.get()
                        on:change=move |ev| colour.set(event_target_value(&ev))>
                        {COLOURS.into_iter().map(|c| view! {
                            <option value=c>{t(&format!("colour-{c}"))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{t("note-author")}</span>
                    <select data-testid="note-author" prop:value=move || author.get()
                        on:change=move |ev| author.set(event_target_value(&ev))>
                        <option value="">{t("note-author-none")}</option>
                        {move || participants.get().into_iter().map(|p| view! {
                            <option value=p.id.clone()>{p.pseudonym.clone()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="primary" data-testid="note-add">{t("note-add")}</button>
            </form>
            <div class="board-tools">
                <form class="inline-form" on:submit=add_theme>
                    <label>
                        <span>{t("theme-new")}</span>
                        <input type="text" data-testid="theme-name" required
                            prop:value=move || theme_name.get()
                            on:input=move |ev| theme_name.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit" data-testid="theme-add">{t("theme-add")}</button>
                </form>
                <label>
                    <span>{t("notes-stage")}</span>
                    <select data-testid="notes-stage" prop:value=move || shown_stage.get()
                        on:change=move |ev| shown_stage.set(event_target_value(&ev))>
                        <option value="">{t("notes-stage-all")}</option>
                        {move || stages.get().into_iter().map(|(id, name)| view! {
                            <option value=id>{name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{t("notes-colour-by")}</span>
                    <select data-testid="notes-colour-by" on:change=move |ev| {
                        colour_by.set(match event_target_value(&ev).as_str() {
                            "role" => ColourBy::Role,
                            "table" => ColourBy::Table,
                            _ => ColourBy::Note,
                        })
                    }>
                        <option value="note">{t("notes-colour-by-note")}</option>
                        <option value="role">{t("notes-colour-by-role")}</option>
                        <option value="table">{t("notes-colour-by-table")}</option>
                    </select>
                </label>
            </div>
            <div class="note-columns">
                {column(None, view! { <h3>{t("notes-unsorted")}</h3> }.into_any())}
                <For each=move || themes.get() key=|theme| theme.id.clone() let:theme>
                    {
                        let id = theme.id.clone();
                        let rename_id = theme.id.clone();
                        let label = t("theme-rename");
                        column(Some(id), view! {
                            <input class="theme-name" type="text" data-testid="theme-heading"
                                aria-label=label value=theme.name.clone()
                                on:change=move |ev| state.edit(vec![set("theme", &rename_id, &[("name", json!(event_target_value(&ev)))])]) />
                        }.into_any())
                    }
                </For>
            </div>
        </section>
    }
}
