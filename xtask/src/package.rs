//! `cargo xtask bundle`: the `.deb` organisers install on workshop laptops.
//!
//! The Tauri bundler packs the release app, its desktop entry and icon; `tauri.conf.json`'s
//! `bundle.linux.deb.files` adds what the bundler does not make itself: the `systematic`
//! command-line tool, the `.systematic` MIME type XML, shell completions and the man page. The
//! completions and man page are generated here from the CLI's clap definitions, so they always
//! match the binary in the package.

use crate::cmd::{project_root, run, Cmd};
use std::path::{Path, PathBuf};

/// Where the generated completions and man page wait for the bundler (named in tauri.conf.json).
fn generated_folder() -> PathBuf {
    project_root().join("target/package")
}

/// Where the bundler writes the `.deb`.
fn deb_folder() -> PathBuf {
    project_root().join("target/release/bundle/deb")
}

/// The Debian package name. The bundler would derive "syste-matic-workshop" from the product
/// name, so the package is renamed when it is repacked.
const PACKAGE: &str = "systematic-workshop";

/// Packs the already built release binaries into a `.deb` and returns its path.
pub fn bundle_built_app() -> Result<PathBuf, String> {
    crate::setup::tauri_cli()?;
    generate_cli_files()?;
    // An older package left in the folder would be mistaken for this one.
    let _ = std::fs::remove_dir_all(deb_folder());
    run(Cmd::new(crate::setup::tauri_cli_binary())
        .args(["bundle", "--bundles", "deb"])
        .dir(project_root().join("src-tauri"))
        // The bundler looks for the app and the CLI in the workspace's target folder.
        .env_remove("CARGO_TARGET_DIR"))?;
    repack(&find_deb()?)
}

/// Unpacks the bundler's package, strips the symbol tables from both programs (16 MB each;
/// panics still name the file and line), names the package and its desktop entry
/// `systematic-workshop`, and packs it again with fresh checksums and size.
fn repack(bundled: &Path) -> Result<PathBuf, String> {
    let tree = generated_folder().join("deb-tree");
    let _ = std::fs::remove_dir_all(&tree);
    run(Cmd::new("dpkg-deb").arg("-R").arg(bundled).arg(&tree))?;
    for program in ["usr/bin/systematic", "usr/bin/systematic-workshop"] {
        run(Cmd::new("strip").arg(tree.join(program)))?;
    }
    // The bundler names the desktop entry after the product ("SysteMatic Workshop.desktop"); a
    // desktop file id without spaces is what `xdg-mime default` and file managers expect.
    let applications = tree.join("usr/share/applications");
    let entries =
        std::fs::read_dir(&applications).map_err(|e| format!("{}: {e}", applications.display()))?;
    for entry in entries.flatten() {
        let wanted = applications.join(format!("{PACKAGE}.desktop"));
        if entry.path() != wanted {
            std::fs::rename(entry.path(), &wanted)
                .map_err(|e| format!("{}: {e}", wanted.display()))?;
        }
    }
    let mut files = Vec::new();
    list_files(&tree, &tree, &mut files)?;
    files.retain(|f| !f.starts_with("DEBIAN/"));
    files.sort();
    let mut md5sums = String::new();
    let mut bytes = 0;
    for file in &files {
        let sum = Cmd::new("md5sum")
            .arg(file)
            .dir(&tree)
            .output()
            .ok_or_else(|| format!("md5sum {file} failed"))?;
        md5sums.push_str(&sum);
        bytes += std::fs::metadata(tree.join(file))
            .map(|m| m.len())
            .unwrap_or(0);
    }
    write(&tree.join("DEBIAN/md5sums"), &md5sums)?;
    let control_path = tree.join("DEBIAN/control");
    let control = std::fs::read_to_string(&control_path)
        .map_err(|e| format!("{}: {e}", control_path.display()))?;
    let mut version = String::new();
    let control: Vec<String> = control
        .lines()
        .map(|line| {
            if let Some(v) = line.strip_prefix("Version: ") {
                version = v.to_owned();
            }
            if line.starts_with("Package: ") {
                format!("Package: {PACKAGE}")
            } else if line.starts_with("Installed-Size: ") {
                format!("Installed-Size: {}", bytes.div_ceil(1024))
            } else {
                line.to_owned()
            }
        })
        .collect();
    write(&control_path, &(control.join("\n") + "\n"))?;
    let deb = deb_folder().join(format!("{PACKAGE}_{version}_amd64.deb"));
    run(Cmd::new("dpkg-deb")
        .args(["--root-owner-group", "-Zxz", "--build"])
        .arg(&tree)
        .arg(&deb))?;
    std::fs::remove_file(bundled).map_err(|e| format!("{}: {e}", bundled.display()))?;
    let _ = std::fs::remove_dir_all(&tree);
    // The bundler's own staging folder, next to the package.
    if let Ok(entries) = std::fs::read_dir(deb_folder()) {
        for entry in entries.flatten().filter(|e| e.path().is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    find_deb()
}

/// Every file under `dir`, as a path relative to `root` with `/` separators.
fn list_files(root: &Path, dir: &Path, files: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            list_files(root, &path, files)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            files.push(relative.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The one `.deb` in the bundler's output folder.
fn find_deb() -> Result<PathBuf, String> {
    let folder = deb_folder();
    let entries = std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let debs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .collect();
    match debs.as_slice() {
        [deb] => {
            println!("\npackage: {}", deb.display());
            Ok(deb.clone())
        }
        [] => Err(format!(
            "the bundler wrote no .deb into {}",
            folder.display()
        )),
        _ => Err(format!("more than one .deb in {}", folder.display())),
    }
}

/// Shell completions (bash, zsh, fish) and the gzipped man page, from the release CLI.
fn generate_cli_files() -> Result<(), String> {
    let folder = generated_folder();
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let cli = project_root().join("target/release/systematic");
    let write = |name: &str, args: &[&str]| -> Result<(), String> {
        let text = Cmd::new(&cli)
            .args(args)
            .output()
            .ok_or_else(|| format!("`systematic {}` failed", args.join(" ")))?;
        let path = folder.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    write("systematic.bash", &["completions", "bash"])?;
    write("_systematic", &["completions", "zsh"])?;
    write("systematic.fish", &["completions", "fish"])?;
    write("systematic.1", &["manual"])?;
    // Debian keeps man pages gzipped; -n leaves out the time so the package is reproducible.
    run(Cmd::new("gzip")
        .args(["-9nf"])
        .arg(folder.join("systematic.1")))
}
