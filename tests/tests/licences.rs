//! Every crate the app ships is under a licence an MIT OR Apache-2.0 app can ship: checked from
//! `cargo metadata` for the workspace's shipped crates and for the UI (its own workspace and
//! lockfile), following normal and build dependencies on every platform (dev-dependencies, the
//! test crate and xtask never ship). GPL, LGPL and AGPL fail, as does anything not on the
//! allow-list below, unless an expression gives a permissive alternative (`MIT OR GPL-2.0`).

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::process::Command;
use systematic_tests::project_root;

/// Licences that let the app be shipped under MIT OR Apache-2.0 (SPDX ids). MPL-2.0 is copyleft
/// only for changes to its own files, which we do not make.
const ALLOWED: &[&str] = &[
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "MPL-2.0",
    "CC0-1.0",
    "BSL-1.0",
    "0BSD",
    "OFL-1.1",
];

/// Exceptions (`… WITH exception`) that only add permissions.
const ALLOWED_EXCEPTIONS: &[&str] = &["LLVM-exception"];

/// Packages reviewed by hand whose licence fails the check above, with the licence expression
/// they were reviewed under (a change of licence fails again) and why they may ship. None at
/// present; add a row only after reading the licence.
const REVIEWED: &[(&str, &str, &str)] = &[
    // (package, licence expression as in its Cargo.toml, reason)
];

/// The crates whose dependencies ship, in the workspace and in the UI's.
const SHIPPED: &[&str] = &[
    "systematic-ipc",
    "systematic-core",
    "systematic-cli",
    "systematic-workshop",
];
const SHIPPED_UI: &[&str] = &["systematic-ui"];

fn metadata(manifest: Option<&str>) -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(project_root())
        .args(["metadata", "--format-version", "1", "--locked"]);
    if let Some(manifest) = manifest {
        command.args(["--manifest-path", manifest]);
    }
    let output = command.output().expect("run cargo metadata");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata gives JSON")
}

/// A package as the check sees it.
struct Package {
    name: String,
    version: String,
    licence: Option<String>,
}

/// Every package that `roots` need to build, on any platform: their normal and build
/// dependencies and theirs, the roots included.
fn shipped_packages(metadata: &Value, roots: &[&str]) -> Vec<Package> {
    let packages: HashMap<&str, &Value> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().expect("package id"), p))
        .collect();
    let nodes: HashMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .expect("resolve nodes")
        .iter()
        .map(|n| (n["id"].as_str().expect("node id"), n))
        .collect();
    let mut todo: Vec<&str> = packages
        .iter()
        .filter(|(_, p)| roots.contains(&p["name"].as_str().unwrap_or_default()))
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(
        todo.len(),
        roots.len(),
        "not every crate of {roots:?} was found"
    );
    let mut seen: HashSet<&str> = todo.iter().copied().collect();
    while let Some(id) = todo.pop() {
        let deps = nodes[id]["deps"].as_array().expect("deps");
        for dep in deps {
            let shipped = dep["dep_kinds"]
                .as_array()
                .expect("dep_kinds")
                .iter()
                .any(|kind| kind["kind"].as_str() != Some("dev"));
            let dep_id = dep["pkg"].as_str().expect("dep pkg");
            if shipped && seen.insert(dep_id) {
                todo.push(dep_id);
            }
        }
    }
    let mut shipped: Vec<Package> = seen
        .into_iter()
        .map(|id| Package {
            name: packages[id]["name"].as_str().unwrap_or_default().to_owned(),
            version: packages[id]["version"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            licence: packages[id]["license"].as_str().map(str::to_owned),
        })
        .collect();
    shipped.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    shipped
}

/// Whether an SPDX licence expression lets us ship the package: `OR` needs one side allowed,
/// `AND` both, `WITH` an allowed licence and exception; the old `/` is `OR`; `+` (or later) is
/// the licence itself. `Err` when the expression cannot be read.
fn permitted(expression: &str) -> Result<bool, String> {
    let spaced = expression
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('/', " OR ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut reader = Expression { tokens, at: 0 };
    let result = reader.or()?;
    match reader.tokens.get(reader.at) {
        None => Ok(result),
        Some(token) => Err(format!("unexpected {token:?} in {expression:?}")),
    }
}

struct Expression<'t> {
    tokens: Vec<&'t str>,
    at: usize,
}

impl Expression<'_> {
    fn peek_is(&self, word: &str) -> bool {
        self.tokens
            .get(self.at)
            .is_some_and(|token| token.eq_ignore_ascii_case(word))
    }

    fn or(&mut self) -> Result<bool, String> {
        let mut result = self.and()?;
        while self.peek_is("OR") {
            self.at += 1;
            // Both sides are read, so that a malformed one is never skipped.
            result |= self.and()?;
        }
        Ok(result)
    }

    fn and(&mut self) -> Result<bool, String> {
        let mut result = self.with()?;
        while self.peek_is("AND") {
            self.at += 1;
            result &= self.with()?;
        }
        Ok(result)
    }

    fn with(&mut self) -> Result<bool, String> {
        let licence = self.atom()?;
        if self.peek_is("WITH") {
            let exception = self.tokens.get(self.at + 1).ok_or("nothing after WITH")?;
            self.at += 2;
            return Ok(licence && listed(ALLOWED_EXCEPTIONS, exception));
        }
        Ok(licence)
    }

    fn atom(&mut self) -> Result<bool, String> {
        let token = *self
            .tokens
            .get(self.at)
            .ok_or("the expression ends early")?;
        self.at += 1;
        if token == "(" {
            let inside = self.or()?;
            if self.tokens.get(self.at) != Some(&")") {
                return Err("a ( is never closed".into());
            }
            self.at += 1;
            return Ok(inside);
        }
        if [")", "AND", "OR", "WITH"]
            .iter()
            .any(|word| token.eq_ignore_ascii_case(word))
        {
            return Err(format!("expected a licence, found {token:?}"));
        }
        Ok(listed(ALLOWED, token.trim_end_matches('+')))
    }
}

/// SPDX ids are compared without regard to case.
fn listed(list: &[&str], id: &str) -> bool {
    list.iter().any(|listed| listed.eq_ignore_ascii_case(id))
}

/// The packages among `packages` that may not ship, as "name version (licence)".
fn refused(packages: &[Package]) -> Vec<String> {
    packages
        .iter()
        .filter(|package| {
            let licence = package.licence.as_deref().unwrap_or("no licence given");
            let reviewed = REVIEWED
                .iter()
                .any(|(name, expression, _)| *name == package.name && *expression == licence);
            !reviewed && permitted(licence) != Ok(true)
        })
        .map(|package| {
            format!(
                "{} {} ({})",
                package.name,
                package.version,
                package.licence.as_deref().unwrap_or("no licence given")
            )
        })
        .collect()
}

#[test]
fn every_shipped_dependency_has_a_permissive_licence() {
    let workspace = shipped_packages(&metadata(None), SHIPPED);
    let ui = shipped_packages(&metadata(Some("src-ui/Cargo.toml")), SHIPPED_UI);
    // Enough to show that the walk found the dependency trees, not just the roots.
    assert!(workspace.len() > 200, "only {} packages", workspace.len());
    assert!(ui.len() > 50, "only {} packages", ui.len());
    for (what, packages) in [("the app", &workspace), ("the UI", &ui)] {
        let refused = refused(packages);
        assert!(
            refused.is_empty(),
            "{what} depends on crates whose licence may not ship with an MIT OR Apache-2.0 app \
             (see tests/tests/licences.rs): {refused:#?}"
        );
    }
    for (name, expression, _) in REVIEWED {
        assert!(
            workspace
                .iter()
                .chain(&ui)
                .any(|p| p.name == *name && p.licence.as_deref() == Some(expression)),
            "{name} ({expression}) is reviewed in tests/tests/licences.rs but no longer shipped; \
             remove its row"
        );
    }
}

#[test]
fn copyleft_licences_fail_and_permissive_alternatives_pass() {
    for expression in [
        "GPL-2.0-or-later",
        "GPL-3.0-only",
        "GPL-2.0+",
        "LGPL-2.1-or-later",
        "AGPL-3.0-only",
        "MIT AND GPL-3.0-only",
        "(MIT OR Apache-2.0) AND LGPL-3.0-or-later",
        "GPL-2.0-only WITH Classpath-exception-2.0",
        "Apache-2.0 WITH Some-other-exception",
        "Proprietary",
    ] {
        assert_eq!(permitted(expression), Ok(false), "{expression}");
    }
    for expression in [
        "MIT",
        "MIT OR Apache-2.0",
        "MIT/Apache-2.0",
        "Apache-2.0 / MIT",
        "Apache-2.0 OR GPL-2.0-only",
        "LGPL-3.0-or-later OR MPL-2.0",
        "(MIT OR Apache-2.0) AND Unicode-3.0",
        "BSD-3-Clause AND MIT",
        "Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT",
        "Apache-2.0 WITH LLVM-exception",
        "mit or apache-2.0",
    ] {
        assert_eq!(permitted(expression), Ok(true), "{expression}");
    }
    for expression in ["", "MIT OR", "(MIT", "MIT)", "AND MIT", "MIT WITH"] {
        assert!(permitted(expression).is_err(), "{expression:?}");
    }
    let gpl = Package {
        name: "dot-parser".into(),
        version: "0.6.1".into(),
        licence: Some("GPL-2.0-or-later".into()),
    };
    let unlicensed = Package {
        name: "mystery".into(),
        version: "1.0.0".into(),
        licence: None,
    };
    assert_eq!(
        refused(&[gpl, unlicensed]),
        [
            "dot-parser 0.6.1 (GPL-2.0-or-later)",
            "mystery 1.0.0 (no licence given)"
        ]
    );
}
