//! The workshop as the printout templates read it (`/data.json`): every word already in the
//! chosen language, every date already written out, nothing but data. Templates lay it out and
//! never evaluate it, so a persona called `#set page(…)` prints as itself.

use crate::words::Words;
use serde::Serialize;
use std::collections::BTreeMap;
use systematic_core::document::{DocumentError, WorkshopDoc};
use systematic_ipc::{
    Facilitation, JourneyStep, LearningRecord, MapView, Persona, Role, Round, StageStatus,
    WorkshopMeta,
};

#[derive(Serialize)]
pub struct PrintData {
    /// What was asked for (layout, paper, round), as the template reads it.
    pub options: serde_json::Value,
    /// The ISO 639 code of the printout's language ("en", "sv").
    pub lang: String,
    pub words: BTreeMap<String, String>,
    pub workshop: Facts,
    pub personas: Vec<PersonaCard>,
    pub stages: Vec<StageRow>,
    pub stages_total: Totals,
    pub roles: Vec<RoleRow>,
    pub journeys: Vec<JourneyPage>,
    pub scenarios: Vec<ScenarioRow>,
    pub themes: Vec<ThemeNotes>,
    pub rounds: Vec<RoundChart>,
    pub priorities: Vec<PriorityRow>,
    pub actions: Vec<ActionRow>,
    pub contract: Vec<ContractRow>,
    pub learning: Vec<LearningRecord>,
    pub map: MapFacts,
}

#[derive(Serialize)]
pub struct Facts {
    pub title: String,
    pub date: String,
    pub venue: String,
    pub facilitator: String,
    pub printed_on: String,
}

#[derive(Serialize)]
pub struct PersonaCard {
    pub name: String,
    pub age: String,
    pub segment: String,
    pub living_situation: String,
    pub conditions: Vec<String>,
    pub what_matters: String,
    pub goals: String,
    pub worries: String,
    pub family_and_friends: String,
    pub services_used: Vec<String>,
    pub quote: String,
    pub seldom_heard: bool,
    /// `/portraits/<name>.svg` when the persona has one of the bundled portraits.
    pub portrait: Option<String>,
}

#[derive(Serialize)]
pub struct StageRow {
    pub name: String,
    pub goal: String,
    pub status: String,
    pub planned: String,
    pub spent: String,
    /// Took longer than planned (with any minutes added).
    pub over: bool,
}

#[derive(Serialize)]
pub struct Totals {
    pub planned: String,
    pub spent: String,
}

#[derive(Serialize)]
pub struct RoleRow {
    pub role: String,
    /// Pseudonyms, with "(absent)" after anyone marked absent.
    pub people: Vec<String>,
}

#[derive(Serialize)]
pub struct JourneyPage {
    pub title: String,
    pub persona: String,
    pub steps: Vec<JourneyStep>,
}

#[derive(Serialize)]
pub struct ScenarioRow {
    pub title: String,
    pub narrative: String,
    pub persona: String,
    pub links: Vec<String>,
    pub impact: String,
    pub likelihood: String,
}

#[derive(Serialize)]
pub struct ThemeNotes {
    pub theme: String,
    pub notes: Vec<String>,
}

#[derive(Serialize)]
pub struct RoundChart {
    pub id: String,
    pub question: String,
    pub dots_per_person: u32,
    pub max_per_item: u32,
    pub candidates: Vec<String>,
    pub turnout: String,
    /// `None` while the results are hidden from the room.
    pub results: Option<Vec<BarRow>>,
    /// The most dots any item has, for scaling the bars.
    pub most: u32,
}

#[derive(Serialize)]
pub struct BarRow {
    pub label: String,
    pub rank: u32,
    pub dots: u32,
    pub dots_text: String,
    pub people: u32,
    pub professionals: u32,
    pub others: u32,
    pub tied: bool,
}

#[derive(Serialize)]
pub struct PriorityRow {
    pub text: String,
    pub dots: String,
}

#[derive(Serialize)]
pub struct ActionRow {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub status: String,
}

#[derive(Serialize)]
pub struct ContractRow {
    pub text: String,
    pub persona: String,
}

#[derive(Serialize)]
pub struct MapFacts {
    /// "12 nodes · 15 connections · 3 failure points".
    pub summary: String,
    pub nodes: usize,
    pub connections: usize,
    pub failures: Vec<FailureRow>,
}

#[derive(Serialize)]
pub struct FailureRow {
    pub number: usize,
    pub on: String,
    pub description: String,
    pub severity: String,
}

/// Everything a printout may need from a workshop, read once.
pub struct Workshop {
    pub meta: WorkshopMeta,
    pub personas: Vec<Persona>,
    pub map: MapView,
    pub facilitation: Facilitation,
    /// Real names and contacts by participant id, only when the organiser asked for them
    /// (they live on this laptop, never in the document); empty otherwise.
    pub personal_details: BTreeMap<String, systematic_ipc::PersonalDetails>,
}

impl Workshop {
    pub fn read(doc: &WorkshopDoc) -> Result<Workshop, DocumentError> {
        Ok(Workshop {
            meta: doc.meta()?,
            personas: doc.personas()?,
            map: doc.map()?,
            facilitation: systematic_core::facilitation::view(doc, &[], doc.laptop())?,
            personal_details: BTreeMap::new(),
        })
    }
}

fn minutes(words: &Words, ms: i64) -> String {
    let minutes = (ms.max(0) + 30_000) / 60_000;
    words.with("print-minutes", &[("minutes", minutes.into())])
}

fn role_id(role: Option<Role>) -> String {
    match role {
        Some(role) => format!("role-{}", role.name().replace('_', "-")),
        None => "role-none".into(),
    }
}

/// The fixed words every template may use, by Fluent id.
const WORD_IDS: &[&str] = &[
    "print-persona-cards",
    "print-conditions",
    "print-what-matters",
    "print-living-situation",
    "print-family-and-friends",
    "print-services-used",
    "print-goals",
    "print-worries",
    "print-seldom-heard",
    "print-segment",
    "print-map-poster",
    "print-map-empty",
    "print-journeys",
    "print-journey-empty",
    "print-emotion",
    "print-failure-step",
    "print-touchpoint",
    "print-service",
    "print-what-happened",
    "print-vote-results",
    "print-round-hidden",
    "print-round-no-dots",
    "print-people",
    "print-professionals",
    "print-others",
    "print-tied",
    "print-top-priorities",
    "print-rank",
    "print-report",
    "print-contents",
    "print-agenda-as-run",
    "print-stage",
    "print-planned",
    "print-spent",
    "print-total",
    "print-status",
    "print-participants",
    "print-absent",
    "print-personas",
    "print-system-map",
    "print-failure-points",
    "print-scenarios",
    "print-impact",
    "print-likelihood",
    "print-linked",
    "print-notes-by-theme",
    "print-priorities-and-actions",
    "print-priorities",
    "print-actions",
    "print-owner",
    "print-due",
    "print-patient-contract",
    "print-learning",
    "print-evidence",
    "print-difficulties",
    "print-transfer",
    "print-none-yet",
    "print-worksheet-persona",
    "print-worksheet-journey",
    "print-worksheet-voting",
    "print-your-name",
    "print-name",
    "print-age",
    "print-your-dots",
    "print-emotion-scale",
];

impl PrintData {
    pub fn new(
        workshop: &Workshop,
        options: serde_json::Value,
        words: &Words,
        today: chrono::NaiveDate,
    ) -> PrintData {
        let f = &workshop.facilitation;
        let persona_names: BTreeMap<&str, &str> = workshop
            .personas
            .iter()
            .map(|p| (p.id.0.as_str(), p.details.name.as_str()))
            .collect();
        let persona_name = |id: &Option<String>| {
            id.as_deref()
                .and_then(|id| persona_names.get(id))
                .map(|name| (*name).to_owned())
                .unwrap_or_default()
        };
        let mut text_words: BTreeMap<String, String> = WORD_IDS
            .iter()
            .map(|id| ((*id).to_owned(), words.get(id)))
            .collect();
        text_words.insert(
            "print-participants-count".into(),
            words.with(
                "print-participants-count",
                &[("count", f.participants.len().into())],
            ),
        );
        // Words with numbers the template fills in, as `{name}` placeholders.
        let placeholder = |name: &str| format!("{{{name}}}");
        let templates: [(&str, &str, &[&str]); 6] = [
            ("print-page-template", "print-page", &["page", "total"]),
            (
                "print-map-tile-template",
                "print-map-tile",
                &["row", "column", "rows", "columns"],
            ),
            (
                "print-journey-of-template",
                "print-journey-of",
                &["persona"],
            ),
            ("print-step-template", "print-step", &["number"]),
            (
                "print-voting-instructions-template",
                "print-voting-instructions",
                &["dots", "max"],
            ),
            ("print-map-assembly-text", "print-map-assembly", &[]),
        ];
        for (key, id, names) in templates {
            let mut args: Vec<(&str, fluent_bundle::FluentValue)> = names
                .iter()
                .map(|name| (*name, placeholder(name).into()))
                .collect();
            if id == "print-map-assembly" {
                args.push(("overlap", 10.into()));
            }
            text_words.insert(key.to_owned(), words.with(id, &args));
        }
        PrintData {
            options,
            lang: words.language_code().into(),
            words: text_words,
            workshop: Facts {
                title: workshop.meta.title.clone(),
                date: words.date(workshop.meta.date),
                venue: workshop.meta.venue.clone(),
                facilitator: workshop.meta.facilitator.clone(),
                printed_on: words.with("print-printed-on", &[("date", words.date(today).into())]),
            },
            personas: workshop
                .personas
                .iter()
                .map(|p| persona_card(&p.details, words))
                .collect(),
            stages: f
                .stages
                .iter()
                .map(|stage| {
                    let status = match stage.status {
                        StageStatus::Planned => "planned",
                        StageStatus::Running => "running",
                        StageStatus::Done => "done",
                        StageStatus::Skipped => "skipped",
                    };
                    let allowed = i64::from(stage.planned_minutes + stage.extra_minutes) * 60_000;
                    StageRow {
                        name: stage.name.clone(),
                        goal: stage.goal.clone(),
                        status: words.get(&format!("stage-status-{status}")),
                        planned: minutes(words, i64::from(stage.planned_minutes) * 60_000),
                        spent: minutes(words, stage.spent_ms),
                        over: stage.spent_ms > allowed,
                    }
                })
                .collect(),
            stages_total: Totals {
                planned: minutes(
                    words,
                    f.stages
                        .iter()
                        .map(|s| i64::from(s.planned_minutes) * 60_000)
                        .sum(),
                ),
                spent: minutes(words, f.stages.iter().map(|s| s.spent_ms).sum()),
            },
            roles: roles(f, &workshop.personal_details, words),
            journeys: f
                .journeys
                .iter()
                .map(|journey| JourneyPage {
                    title: journey.title.clone(),
                    persona: persona_name(&journey.persona),
                    // The model keeps emotions within −2 … +2 (docs/FORMAT.md).
                    steps: journey.steps.clone(),
                })
                .collect(),
            scenarios: f
                .scenarios
                .iter()
                .map(|s| {
                    let score = |value: Option<u8>| {
                        value.map_or_else(|| words.get("print-not-scored"), |v| format!("{v}/5"))
                    };
                    ScenarioRow {
                        title: s.title.clone(),
                        narrative: s.narrative.clone(),
                        persona: persona_name(&s.persona),
                        links: s.links.iter().map(|l| l.label.clone()).collect(),
                        impact: score(s.impact),
                        likelihood: score(s.likelihood),
                    }
                })
                .collect(),
            themes: themes(f, words),
            rounds: f.rounds.iter().map(|r| round_chart(r, f, words)).collect(),
            priorities: f
                .priorities
                .iter()
                .map(|p| PriorityRow {
                    text: p.text.clone(),
                    dots: p
                        .dots
                        .map(|d| words.with("print-dots", &[("count", d.into())]))
                        .unwrap_or_default(),
                })
                .collect(),
            actions: f
                .actions
                .iter()
                .map(|a| ActionRow {
                    text: a.text.clone(),
                    owner: a.owner.clone(),
                    due: a.due.map(|d| words.date(d)).unwrap_or_default(),
                    status: words.get(&format!(
                        "action-status-{}",
                        a.status.name().replace('_', "-")
                    )),
                })
                .collect(),
            contract: f
                .contract_statements
                .iter()
                .map(|c| ContractRow {
                    text: c.text.clone(),
                    persona: persona_name(&c.persona),
                })
                .collect(),
            learning: f.learning_records.clone(),
            map: map_facts(&workshop.map, words),
        }
    }
}

fn persona_card(p: &systematic_ipc::PersonaDraft, words: &Words) -> PersonaCard {
    PersonaCard {
        name: p.name.clone(),
        age: p
            .age
            .map(|age| words.with("persona-age", &[("age", age.into())]))
            .unwrap_or_default(),
        segment: p.segment.clone(),
        living_situation: p.living_situation.clone(),
        conditions: p.conditions.clone(),
        what_matters: p.what_matters.clone(),
        goals: p.goals.clone(),
        worries: p.worries.clone(),
        family_and_friends: p.family_and_friends.clone(),
        services_used: p.services_used.clone(),
        quote: p.quote.clone(),
        seldom_heard: p.seldom_heard,
        portrait: p
            .portrait
            .as_deref()
            .filter(|name| crate::world::has_portrait(name))
            .map(|name| format!("/portraits/{name}.svg")),
    }
}

/// Participants grouped by role, in the order roles are offered: pseudonyms, and after them the
/// real name and contact when they were asked for.
fn roles(
    f: &Facilitation,
    personal: &BTreeMap<String, systematic_ipc::PersonalDetails>,
    words: &Words,
) -> Vec<RoleRow> {
    let absent = words.get("print-absent");
    let order: Vec<Option<Role>> = Role::ALL.into_iter().map(Some).chain([None]).collect();
    order
        .into_iter()
        .filter_map(|role| {
            let people: Vec<String> = f
                .participants
                .iter()
                .filter(|p| p.role == role)
                .map(|p| {
                    let mut shown = p.pseudonym.clone();
                    if let Some(details) = personal.get(&p.id) {
                        let known: Vec<&str> =
                            [details.real_name.as_str(), details.contact.as_str()]
                                .into_iter()
                                .filter(|s| !s.is_empty())
                                .collect();
                        if !known.is_empty() {
                            shown = format!("{shown} ({})", known.join(", "));
                        }
                    }
                    if p.absent {
                        shown = format!("{shown} ({absent})");
                    }
                    shown
                })
                .collect();
            (!people.is_empty()).then(|| RoleRow {
                role: words.get(&role_id(role)),
                people,
            })
        })
        .collect()
}

/// Notes under their themes, in theme order; notes in no theme last.
fn themes(f: &Facilitation, words: &Words) -> Vec<ThemeNotes> {
    let mut grouped: Vec<ThemeNotes> = f
        .themes
        .iter()
        .map(|theme| ThemeNotes {
            theme: theme.name.clone(),
            notes: f
                .notes
                .iter()
                .filter(|n| n.theme.as_deref() == Some(theme.id.as_str()))
                .map(|n| n.text.clone())
                .collect(),
        })
        .collect();
    let loose: Vec<String> = f
        .notes
        .iter()
        .filter(|n| {
            n.theme
                .as_ref()
                .is_none_or(|t| !f.themes.iter().any(|theme| &theme.id == t))
        })
        .map(|n| n.text.clone())
        .collect();
    if !loose.is_empty() {
        grouped.push(ThemeNotes {
            theme: words.get("print-no-theme"),
            notes: loose,
        });
    }
    grouped
}

fn round_chart(round: &Round, f: &Facilitation, words: &Words) -> RoundChart {
    let results = round.results.as_ref().map(|results| {
        results
            .items
            .iter()
            .map(|item| BarRow {
                label: item.label.clone(),
                rank: item.rank,
                dots: item.dots,
                dots_text: words.with("print-dots", &[("count", item.dots.into())]),
                people: item.people_dots,
                professionals: item.professional_dots,
                others: item.other_dots,
                tied: item.tied,
            })
            .collect::<Vec<_>>()
    });
    let present = f.participants.iter().filter(|p| !p.absent).count();
    let voters = round.voted.len();
    RoundChart {
        id: round.id.clone(),
        question: round.question.clone(),
        dots_per_person: round.dots_per_person,
        max_per_item: round.max_per_item,
        candidates: round.candidates.iter().map(|c| c.label.clone()).collect(),
        turnout: words.with(
            "print-round-turnout",
            &[("voters", voters.into()), ("present", present.into())],
        ),
        most: results
            .as_ref()
            .and_then(|rows| rows.iter().map(|r| r.dots).max())
            .unwrap_or(0),
        results,
    }
}

fn map_facts(map: &MapView, words: &Words) -> MapFacts {
    let label_of = |id: &str| {
        map.nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.node.label.clone())
            .or_else(|| {
                map.connections.iter().find(|c| c.id == id).map(|c| {
                    let end = |id: &str| {
                        map.nodes
                            .iter()
                            .find(|n| n.id == id)
                            .map(|n| n.node.label.clone())
                            .unwrap_or_default()
                    };
                    format!("{} → {}", end(&c.connection.from), end(&c.connection.to))
                })
            })
    };
    MapFacts {
        summary: words.with(
            "print-map-summary",
            &[
                ("nodes", map.nodes.len().into()),
                ("connections", map.connections.len().into()),
                ("failures", map.failures.len().into()),
            ],
        ),
        nodes: map.nodes.len(),
        connections: map.connections.len(),
        // Numbered as the map picture numbers its markers: failure points on nothing are left out.
        failures: map
            .failures
            .iter()
            .filter_map(|failure| Some((label_of(&failure.failure.on)?, failure)))
            .enumerate()
            .map(|(index, (on, failure))| FailureRow {
                number: index + 1,
                on,
                description: failure.failure.description.clone(),
                severity: failure
                    .failure
                    .severity
                    .map(|s| words.with("print-severity", &[("severity", s.into())]))
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use systematic_ipc::{Operation, PersonalDetails};

    fn workshop_with_ann() -> (Workshop, String) {
        let actor = automerge::ActorId::random();
        let (_, mut doc) = systematic_core::demo::demo_document("Table 1", &actor, 1).unwrap();
        let add = Operation::Add {
            kind: "participant".into(),
            id: Some("ann".into()),
            fields: serde_json::from_value(serde_json::json!({
                "pseudonym": "Ann", "role": "carer"
            }))
            .unwrap(),
        };
        systematic_core::ops::apply_all(&mut doc, &[add], 2).unwrap();
        (Workshop::read(&doc).unwrap(), "ann".into())
    }

    fn people(workshop: &Workshop) -> Vec<String> {
        let words = Words::new("en-GB");
        let data = PrintData::new(
            workshop,
            serde_json::Value::Null,
            &words,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
        );
        data.roles.into_iter().flat_map(|r| r.people).collect()
    }

    #[test]
    fn real_names_are_printed_only_when_asked_for() {
        let (mut workshop, ann) = workshop_with_ann();
        assert_eq!(people(&workshop), ["Ann"]);
        workshop.personal_details.insert(
            ann,
            PersonalDetails {
                real_name: "Ann Svensson".into(),
                contact: "070-123 45 67".into(),
            },
        );
        assert_eq!(people(&workshop), ["Ann (Ann Svensson, 070-123 45 67)"]);
    }
}
