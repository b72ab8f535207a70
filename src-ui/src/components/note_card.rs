use crate::components::notes_board::ColourBy;
use crate::facilitation_state::{delete, set, use_facilitation};
use crate::i18n::t;
use leptos::prelude::*;
use serde_json::{json, Value as Json};
use systematic_ipc::{Note, RoleGroup};

/// A colour for a laptop (table) name, the same on every laptop.
fn table_colour(laptop: &str) -> &'static str {
    let sum = laptop.bytes().fold(0_u32, |acc, b| {
        acc.wrapping_mul(31).wrapping_add(u32::from(b))
    });
    crate::components::notes_board::COLOURS[sum as usize % 5]
}

/// One sticky note: draggable onto a theme, or moved with its theme list; removable.
#[component]
pub fn NoteCard(
    note: Note,
    colour_by: RwSignal<ColourBy>,
    dragged: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_facilitation();
    let themes = state.select(|v| v.themes.clone());
    let role_group = state.view.with_untracked(|v| {
        v.as_ref().and_then(|v| {
            let who = note.participant.as_ref()?;
            v.participants
                .iter()
                .find(|p| &p.id == who)?
                .role
                .map(|r| r.group())
        })
    });
    let (own, laptop) = (note.colour.clone(), note.laptop.clone());
    let colour = move || match colour_by.get() {
        ColourBy::Note => own.clone(),
        ColourBy::Table => table_colour(&laptop).to_owned(),
        ColourBy::Role => match role_group {
            Some(RoleGroup::People) => "yellow",
            Some(RoleGroup::Professionals) => "blue",
            _ => "green",
        }
        .to_owned(),
    };
    let id = note.id.clone();
    let (drag_id, move_id, remove_id) = (id.clone(), id.clone(), id.clone());
    let current_theme = note.theme.clone().unwrap_or_default();
    let move_label = format!("{}: {}", t("note-theme"), note.text);
    view! {
        <li class=move || format!("note-card note-{}", colour()) draggable="true" data-testid="note-card"
            on:dragstart=move |_| dragged.set(Some(drag_id.clone()))>
            <p class="note-words">{note.text.clone()}</p>
            <div class="note-tools">
                <select aria-label=move_label data-testid="note-theme"
                    on:change=move |ev| {
                        let theme = event_target_value(&ev);
                        let value = if theme.is_empty() { Json::Null } else { json!(theme) };
                        state.edit(vec![set("note", &move_id, &[("theme", value)])]);
                    }>
                    <option value="" selected=current_theme.is_empty()>{t("notes-unsorted")}</option>
                    {move || themes.get().into_iter().map(|theme| {
                        let chosen = theme.id == current_theme;
                        view! { <option value=theme.id.clone() selected=chosen>{theme.name.clone()}</option> }
                    }).collect_view()}
                </select>
                <button class="link" aria-label=t("note-remove")
                    on:click=move |_| state.edit(vec![delete("note", &remove_id)])>"×"</button>
            </div>
        </li>
    }
}
