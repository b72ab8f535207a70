//! Opens the store in the folder given as the only argument, adds one workshop when asked, and
//! prints what happened as JSON. The read-only folder tests run this inside a mount namespace.

use systematic_core::data_dir::DataFolder;
use systematic_core::App;
use systematic_ipc::{NewWorkshop, Request};

fn main() {
    systematic_core::untrusted::serve_or_register();
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: open-store DIR [create TITLE]");
    let mut app = App::open(DataFolder::chosen(&dir));
    let result = match (args.next().as_deref(), args.next()) {
        (Some("create"), Some(title)) => app.handle(Request::CreateWorkshop {
            workshop: NewWorkshop {
                title,
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
                ..NewWorkshop::default()
            },
        }),
        _ => app.handle(Request::ListWorkshops),
    };
    let json = match result {
        Ok(response) => serde_json::json!({ "ok": response }),
        Err(error) => serde_json::json!({ "error": error }),
    };
    println!("{json}");
}
