use crate::components::conflict_choice::ConflictChoice;
use crate::i18n::{t, t_args};
use leptos::prelude::*;
use systematic_ipc::{AppError, MergeReport, WorkshopView};

/// What a merge brought together, and what a person should look at.
#[component]
pub fn MergeReportView(
    report: MergeReport,
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let files = report
        .files
        .iter()
        .map(|file| {
            let laptops = if file.laptops.is_empty() {
                t("none")
            } else {
                file.laptops.join(", ")
            };
            view! {
                <li data-testid="merged-file">
                    <strong>{file.name.clone()}</strong>
                    {format!(" — {}", t_args("merge-file-summary", &[
                        ("changes", (file.changes as i64).into()),
                        ("laptops", laptops.into()),
                        ("participants", (file.participants.len() as i64).into()),
                    ]))}
                </li>
            }
        })
        .collect_view();
    let kinds = report
        .kinds
        .iter()
        .map(|k| {
            view! {
                <tr>
                    <th scope="row">{t(&format!("kind-{}", k.kind))}</th>
                    <td>{k.added}</td><td>{k.changed}</td><td>{k.deleted}</td>
                </tr>
            }
        })
        .collect_view();
    let conflicts = report
        .conflicts
        .iter()
        .cloned()
        .map(
            |conflict| view! { <ConflictChoice conflict=conflict workshop=workshop error=error /> },
        )
        .collect_view();
    let texts = report
        .texts_edited_on_several
        .iter()
        .map(|text| {
            view! {
                <li>{t_args("merge-text-edited", &[
                    ("item", text.item.label.clone().into()),
                    ("field", t(&format!("field-{}", text.field)).into()),
                    ("files", text.files.join(", ").into()),
                ])}</li>
            }
        })
        .collect_view();
    let deleted = report
        .deleted_while_edited
        .iter()
        .map(|item| {
            view! {
                <li>{t_args("merge-deleted-edited", &[
                    ("item", item.item.label.clone().into()),
                    ("deleted", item.deleted_in.join(", ").into()),
                    ("edited", item.edited_in.join(", ").into()),
                ])}</li>
            }
        })
        .collect_view();
    let votes = report
        .votes_over_limit
        .iter()
        .map(|vote| {
            view! {
                <li>{t_args("merge-vote-over", &[
                    ("participant", vote.participant.clone().into()),
                    ("round", vote.round.label.clone().into()),
                    ("laptop", vote.laptop.clone().into()),
                ])}</li>
            }
        })
        .collect_view();
    let (n_conflicts, n_texts, n_deleted, n_votes) = (
        report.conflicts.len() as i64,
        report.texts_edited_on_several.len() as i64,
        report.deleted_while_edited.len() as i64,
        report.votes_over_limit.len() as i64,
    );
    view! {
        <section class="card merge-report" data-testid="merge-report" aria-labelledby="merge-report-heading">
            <div class="section-head">
                <h2 id="merge-report-heading">{t("merge-report-title")}</h2>
                <button class="link" data-testid="close-report" on:click=move |_| on_close.run(())>{t("close")}</button>
            </div>
            {report.forced.then(|| view! { <p class="warning">{t("merge-forced")}</p> })}
            <h3>{t("merge-files")}</h3>
            <ul>{files}</ul>
            <h3>{t("merge-items")}</h3>
            <table class="counts">
                <thead><tr><th></th><th scope="col">{t("merge-added")}</th><th scope="col">{t("merge-changed")}</th><th scope="col">{t("merge-deleted")}</th></tr></thead>
                <tbody>{kinds}</tbody>
            </table>
            <h3 data-testid="conflict-count">{t_args("merge-conflicts", &[("count", n_conflicts.into())])}</h3>
            <p class="muted">{t("merge-conflicts-intro")}</p>
            <ul class="conflicts">{conflicts}</ul>
            <h3>{t_args("merge-texts", &[("count", n_texts.into())])}</h3>
            <ul>{texts}</ul>
            <h3>{t_args("merge-deletes", &[("count", n_deleted.into())])}</h3>
            <ul>{deleted}</ul>
            <h3>{t_args("merge-votes", &[("count", n_votes.into())])}</h3>
            <ul>{votes}</ul>
        </section>
    }
}
