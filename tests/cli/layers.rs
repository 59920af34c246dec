//! The layer rules of the architecture (ARCHITECTURE.md, "Layers"): every
//! `crate::…` path in `src/` is read and checked against the table below,
//! which lists the allowed layers, not today's arrows. A forbidden import
//! fails with the file and the arrow.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first; inside a layer, the modules in their order.
/// `ordered` layers let a module import only earlier members of its own
/// layer; the feature layer lets none of its members import another.
const LAYERS: &[(&str, Order, &[&str])] = &[
    (
        "base",
        Order::Earlier,
        &["error", "dates", "files", "output", "input", "db", "ctx"],
    ),
    (
        "nouns",
        Order::Earlier,
        &[
            "orgs",
            "profile",
            "volunteer",
            "credentials",
            "documents",
            "network",
            "applications",
            "goals",
        ],
    ),
    (
        "features",
        Order::None,
        &["commands", "reports", "transfer", "search"],
    ),
    ("top", Order::Earlier, &["maintenance", "cli", "lib"]),
];

/// Items the crate root exports through `#[macro_export]`, and the module
/// that defines them.
const ROOT_MACROS: &[(&str, &str)] = &[("text_enum", "input")];

#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// A member may import the members before it.
    Earlier,
    /// Members never import each other.
    None,
}

/// Where a unit stands: its layer's index and its index inside the layer.
#[derive(Clone, Copy)]
struct Place {
    layer: usize,
    index: usize,
}

fn place(unit: &str) -> Option<Place> {
    let top = unit.split("::").next().unwrap_or(unit);
    LAYERS
        .iter()
        .enumerate()
        .find_map(|(layer, (_, _, members))| {
            members
                .iter()
                .position(|m| *m == top)
                .map(|index| Place { layer, index })
        })
}

/// The unit a file belongs to: its top-level module, or for the command
/// layer `commands::<noun>` (each noun's commands is a feature of its own).
fn unit_of(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    match parts.as_slice() {
        [only] if only == "main" => "main".into(),
        [only] => only.clone(),
        [first, second, ..] if first == "commands" && second != "mod" => {
            format!("commands::{second}")
        }
        [first, ..] => first.clone(),
        [] => String::new(),
    }
}

/// Why `from` may not import `to`, or `None` when it may.
fn forbidden(from: &str, to: &str) -> Option<String> {
    if from == "main" || from == to {
        return None;
    }
    let same_top = from.split("::").next() == to.split("::").next();
    let (Some(f), Some(t)) = (place(from), place(to)) else {
        return Some(format!("{to} is in no layer of the table"));
    };
    let (layer_name, order, _) = LAYERS[f.layer];
    if t.layer > f.layer {
        return Some(format!(
            "{layer_name} may not import the higher layer {}",
            LAYERS[t.layer].0
        ));
    }
    if t.layer < f.layer {
        return None;
    }
    match order {
        Order::Earlier if t.index < f.index => None,
        Order::Earlier => Some(format!("{to} comes after {from} in the {layer_name} order")),
        Order::None if same_top && from.starts_with("commands") && to == "commands" => None,
        Order::None => Some(format!("{layer_name} never import each other")),
    }
}

/// Every `crate::NAME` the text names, as (line number, the unit it names).
/// Handles `use crate::{a::x, b::{y, z}}` groups: each first-level name.
fn imports(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(offset) = text[at..].find("crate::") {
        let start = at + offset;
        at = start + "crate::".len();
        let preceded = start > 0
            && (bytes[start - 1].is_ascii_alphanumeric()
                || bytes[start - 1] == b'_'
                || bytes[start - 1] == b'$');
        if preceded {
            continue;
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..start].contains("//") {
            continue; // a comment names a path; only code imports
        }
        let line = text[..start].matches('\n').count() + 1;
        if text[at..].starts_with('{') {
            for name in group_heads(&text[at + 1..]) {
                found.push((line, name));
            }
        } else {
            let name = unit_named(&text[at..]);
            if !name.is_empty() {
                found.push((line, name));
            }
        }
    }
    found
}

/// The unit a path names: `commands::app::x` → `commands::app`, `db::x` → `db`.
fn unit_named(path: &str) -> String {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let first = ident(path);
    if first == "commands" {
        let rest = &path[first.len()..];
        if let Some(rest) = rest.strip_prefix("::") {
            let second = ident(rest);
            if !second.is_empty() {
                return format!("commands::{second}");
            }
        }
    }
    ROOT_MACROS
        .iter()
        .find(|(name, _)| *name == first)
        .map(|(_, module)| module.to_string())
        .unwrap_or(first)
}

/// The first-level names of a `{…}` group (the text after its `{`).
fn group_heads(rest: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut item_start = 0;
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                heads.push(unit_named(rest[item_start..i].trim()));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                heads.push(unit_named(rest[item_start..i].trim()));
                item_start = i + 1;
            }
            _ => {}
        }
    }
    heads.retain(|h| !h.is_empty() && h != "self");
    heads
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every forbidden arrow in `src/`, as `file:line: from -> to (why)`.
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("under src");
        let from = unit_of(relative);
        let text = fs::read_to_string(&file).expect("read source");
        for (line, to) in imports(&text) {
            if let Some(why) = forbidden(&from, &to) {
                found.push(format!(
                    "src/{}:{line}: {from} -> {to} ({why})",
                    relative.display()
                ));
            }
        }
    }
    found
}

#[test]
fn every_import_follows_the_layer_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(
        found.is_empty(),
        "imports the layer table forbids:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_circle_between_top_level_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut arrows: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("under src");
        let from = unit_of(relative);
        let from_top = from.split("::").next().unwrap_or(&from).to_string();
        let text = fs::read_to_string(&file).expect("read source");
        for (_, to) in imports(&text) {
            let to_top = to.split("::").next().unwrap_or(&to).to_string();
            if to_top != from_top && from_top != "lib" && from_top != "main" {
                arrows.entry(from_top.clone()).or_default().push(to_top);
            }
        }
    }
    for start in arrows.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = std::collections::BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in arrows.get(&node).into_iter().flatten() {
                assert!(
                    next != start,
                    "a circle between modules: {} -> {next}",
                    path.join(" -> ")
                );
                if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
}

#[test]
fn the_checker_catches_a_forbidden_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path();
    fs::create_dir_all(src.join("orgs")).expect("mkdir");
    fs::create_dir_all(src.join("commands")).expect("mkdir");
    fs::write(src.join("db.rs"), "use crate::error::Result;\n").expect("write");
    fs::write(
        src.join("orgs/mod.rs"),
        "use crate::{db, output::Tone};\nfn f() { crate::applications::store::get(); }\n// crate::network in a comment\n",
    )
    .expect("write");
    fs::write(
        src.join("commands/org.rs"),
        "use crate::commands::app::x;\nuse crate::text_enum;\n",
    )
    .expect("write");
    fs::write(src.join("output.rs"), "use crate::{error, ctx::Ctx};\n").expect("write");
    let found = violations(src);
    assert_eq!(
        found,
        [
            "src/commands/org.rs:1: commands::org -> commands::app (features never import each other)",
            "src/orgs/mod.rs:2: orgs -> applications (applications comes after orgs in the nouns order)",
            "src/output.rs:1: output -> ctx (ctx comes after output in the base order)",
        ]
    );
}
