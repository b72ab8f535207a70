//! What can be printed, as the Print dialog and `systematic print` ask for it.

use serde::{Deserialize, Serialize};

/// One printout of a workshop.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum Printout {
    /// A card per persona to hand round the table.
    PersonaCards { layout: CardLayout },
    /// The system map as a poster for the wall.
    MapPoster { size: PosterSize, tiled: bool },
    /// Every journey, steps left to right under the emotion curve.
    Journeys,
    /// Bar charts of every round, by role, with the top priorities.
    VoteResults,
    /// The workshop report for the board.
    Report,
    /// A blank sheet for people who prefer paper.
    Worksheet { sheet: Worksheet },
}

/// How persona cards sit on the paper.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum CardLayout {
    /// A6 cards, four to an A4 sheet, with cut marks.
    #[default]
    FourOnA4,
    /// One A5 card per page.
    A5,
}

/// The poster's finished size; `tiled` prints it on A4 sheets to stick together.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum PosterSize {
    #[default]
    A3,
    A2,
    A1,
}

impl PosterSize {
    pub const ALL: [PosterSize; 3] = [PosterSize::A3, PosterSize::A2, PosterSize::A1];

    pub fn name(self) -> &'static str {
        match self {
            PosterSize::A3 => "a3",
            PosterSize::A2 => "a2",
            PosterSize::A1 => "a1",
        }
    }
}

/// The blank worksheets.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "sheet", rename_all = "snake_case")]
pub enum Worksheet {
    Persona,
    Journey,
    /// A dot-voting sheet listing a round's items.
    Voting {
        round: String,
    },
}

/// Where a finished PDF goes from the Print dialog.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum PrintDestination {
    /// Save it as a file at `path`.
    File { path: String },
    /// Send it to a printer (the system's default when `printer` is empty).
    Printer {
        printer: String,
        copies: u32,
        /// Pages as a printer takes them, e.g. `1-3,5`; every page when empty.
        pages: String,
    },
    /// Open it in the default PDF viewer.
    Viewer,
}

/// The name of the Tauri command that typesets a printout; its argument is `request`
/// ([`PrintRequest`]) and it answers a [`PrintOutcome`]. It runs away from the window's thread,
/// so the app stays usable while a big report is typeset.
pub const PRINT_COMMAND: &str = "print";

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PrintRequest {
    pub workshop: crate::WorkshopId,
    pub printout: Printout,
    /// The language of the printout's own words ("en-GB", "sv").
    pub language: String,
    /// Where to send it; only a preview when `None`.
    pub destination: Option<PrintDestination>,
    /// The organiser ticked "include personal details": the report's list of participants
    /// shows the real names and contacts kept on this laptop. Off unless asked for.
    #[serde(default)]
    pub include_personal_details: bool,
}

/// A typeset printout: its page count, a preview of its first pages, and where it went.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PrintOutcome {
    pub pages: u32,
    /// The first pages as SVG pictures (only for a preview).
    pub previews: Vec<String>,
    /// The PDF written: the chosen file, or the copy handed to the printer or viewer.
    pub path: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printouts_round_trip_through_json() {
        for printout in [
            Printout::PersonaCards {
                layout: CardLayout::A5,
            },
            Printout::MapPoster {
                size: PosterSize::A2,
                tiled: true,
            },
            Printout::Worksheet {
                sheet: Worksheet::Voting { round: "r1".into() },
            },
        ] {
            let json = serde_json::to_string(&printout).unwrap();
            assert_eq!(serde_json::from_str::<Printout>(&json).unwrap(), printout);
        }
    }
}
