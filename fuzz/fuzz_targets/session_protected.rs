//! Fuzz target `session_protected`: what it checks is `systematic_core::fuzzing::run("session_protected", ..)`,
//! shared with the corpus replay in `src-core/tests/fuzz_corpora.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    systematic_core::fuzzing::let_caught_panics_unwind();
    systematic_core::fuzzing::run("session_protected", bytes);
});
