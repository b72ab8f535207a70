//! Opening a session file must never crash, whatever its bytes: it either loads a workshop or
//! reports why not. Automerge's loader panics are caught inside `from_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use systematic_core::session_file;

fuzz_target!(|bytes: &[u8]| {
    let actor = automerge::ActorId::from(vec![7; 16]);
    if let Ok((_, mut doc)) = session_file::from_bytes(bytes, &actor) {
        // A file that loads must also be readable in full, as `systematic check` reads it.
        let _ = systematic_core::inspect::model_json(&mut doc);
    }
});
