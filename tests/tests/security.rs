//! Least privilege for the window: the capability files grant exactly the allow-list below, and
//! the content security policy allows no remote origin and no inline script.

use systematic_tests::project_root;

/// Everything the UI may do. Adding a permission means adding it here, in review.
/// Per capability file: the main window gets the app's seven commands and may listen to events (the
/// shell's `files-opened`), the projector window only `dispatch` (and the shell lets it ask only
/// for the projector's view). No plugin permission: the dialog, single-instance and window-state
/// plugins are used from Rust only, so no web view can open files or dialogs by itself.
const ALLOWED_PERMISSIONS: &[(&str, &[&str])] = &[
    (
        "main-window",
        &[
            "allow-dispatch",
            "allow-choose-files",
            "allow-open-projector",
            "allow-close-projector",
            "allow-print",
            "allow-take-opened-files",
            "allow-diagnostic-report",
            "core:event:allow-listen",
            "core:event:allow-unlisten",
        ],
    ),
    ("projector-window", &["allow-dispatch"]),
];

fn read_json(relative: &str) -> serde_json::Value {
    let path = project_root().join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn capabilities_grant_only_the_allow_list() {
    let dir = project_root().join("src-tauri/capabilities");
    let mut granted = Vec::new();
    let mut capabilities = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("capabilities folder") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read capability");
        let capability: serde_json::Value = serde_json::from_str(&text).expect("capability JSON");
        let identifier = capability["identifier"]
            .as_str()
            .expect("identifier")
            .to_owned();
        capabilities.push(identifier.clone());
        assert!(
            capability.get("remote").is_none(),
            "{}: no remote URLs may call the app",
            path.display()
        );
        for permission in capability["permissions"]
            .as_array()
            .expect("permissions list")
        {
            let name = permission
                .as_str()
                .or_else(|| permission["identifier"].as_str())
                .expect("permission name")
                .to_owned();
            granted.push((identifier.clone(), name));
        }
    }
    granted.sort();
    let mut allowed: Vec<(String, String)> = ALLOWED_PERMISSIONS
        .iter()
        .flat_map(|(capability, permissions)| {
            permissions
                .iter()
                .map(|p| (capability.to_string(), p.to_string()))
        })
        .collect();
    allowed.sort();
    assert_eq!(granted, allowed);
    capabilities.sort();
    assert_eq!(capabilities, ["main-window", "projector-window"]);
}

#[test]
fn the_config_lists_only_our_capabilities() {
    let config = read_json("tauri.conf.json");
    let listed = &config["app"]["security"]["capabilities"];
    assert_eq!(
        listed,
        &serde_json::json!(["main-window", "projector-window"])
    );
}

#[test]
fn the_csp_is_strict_and_local() {
    let config = read_json("tauri.conf.json");
    let csp = config["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(
        !csp.contains("unsafe-inline"),
        "no inline scripts or styles: {csp}"
    );
    assert!(!csp.contains("'unsafe-eval'"), "no eval: {csp}");
    for directive in csp.split(';') {
        for source in directive.split_whitespace().skip(1) {
            let local = source.starts_with('\'')
                || source == "ipc:"
                || source == "data:"
                || source == "http://ipc.localhost";
            assert!(local, "{source} is a remote origin in: {directive}");
        }
    }
    assert!(
        config["build"].get("devUrl").is_none(),
        "the app never loads from a server"
    );
}

#[test]
fn the_ui_has_no_inline_script() {
    let html =
        std::fs::read_to_string(project_root().join("src-ui/index.html")).expect("index.html");
    for (index, _) in html.match_indices("<script") {
        let tag_end = html[index..]
            .find('>')
            .map(|e| index + e)
            .expect("closed tag");
        assert!(
            html[index..tag_end].contains("src="),
            "inline script in index.html"
        );
    }
    assert!(!html.contains("style="), "inline style in index.html");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "remote URL in index.html"
    );
}
