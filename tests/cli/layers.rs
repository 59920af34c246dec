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

/// The module path of a file: `orgs/store.rs` → `orgs::store`,
/// `orgs/mod.rs` → `orgs`, `lib.rs` and `main.rs` → the root.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
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

/// Every module path the text names from the crate root, as (line number,
/// the unit it names): `crate::NAME…` and `super::…` chains that climb to
/// the root (resolved from `module`, the file's module path), with
/// `{…}` groups read name by name. Paths in comments are passed over; a
/// `//` inside a string literal does not start a comment.
fn imports(text: &str, module: &[String]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut line_offset = 0;
    // Inline modules (`mod tests {`) add a level that `super::` climbs first.
    let mut braces = 0usize;
    let mut inline: Vec<usize> = Vec::new();
    for (index, full_line) in text.lines().enumerate() {
        let line = code_part(full_line);
        let trimmed = line.trim();
        let opens_module = trimmed.ends_with('{')
            && (trimmed.starts_with("mod ") || trimmed.starts_with("pub mod "));
        if opens_module {
            inline.push(braces);
        }
        braces += line.matches('{').count();
        braces = braces.saturating_sub(line.matches('}').count());
        while inline
            .last()
            .is_some_and(|&at| braces <= at && !opens_module)
        {
            inline.pop();
        }
        let mut here = module.to_vec();
        here.extend(inline.iter().map(|_| "<inline>".to_string()));
        let module = here.as_slice();
        for (start, _) in line
            .match_indices("crate::")
            .chain(line.match_indices("super::"))
        {
            if start > 0 {
                let before = line.as_bytes()[start - 1];
                if before.is_ascii_alphanumeric()
                    || before == b'_'
                    || before == b'$'
                    || before == b':'
                {
                    continue;
                }
            }
            let Some(rest) = root_relative(&line[start..], module) else {
                continue;
            };
            for unit in units_named(rest.0.as_str(), &text[line_offset + start + rest.1..]) {
                found.push((index + 1, unit));
            }
        }
        line_offset += full_line.len() + 1;
    }
    found
}

/// The code of a line without its `//` comment (a `//` inside a string
/// literal is code).
fn code_part(line: &str) -> &str {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

/// For a path starting `crate::` or `super::`: the module prefix it names
/// from the crate root (empty for the root itself) and how many bytes of
/// the path were read; `None` for a `super::` chain that stays inside its
/// own top-level module.
fn root_relative(path: &str, module: &[String]) -> Option<(String, usize)> {
    if let Some(rest) = path.strip_prefix("crate::") {
        return Some((String::new(), path.len() - rest.len()));
    }
    let mut rest = path;
    let mut depth = module.len();
    while let Some(after) = rest.strip_prefix("super::") {
        depth = depth.checked_sub(1)?;
        rest = after;
    }
    let prefix = module[..depth].join("::");
    // Inside the same top-level module a relative path is that module's own
    // business; only a climb to the root (or into `commands`) can cross.
    if depth > 0 && !(depth == 1 && module[0] == "commands") {
        return None;
    }
    Some((prefix, path.len() - rest.len()))
}

/// The units a path (after its root-relative `prefix`) names; `path` runs
/// to the end of the file, so a `{…}` group may span lines.
fn units_named(prefix: &str, path: &str) -> Vec<String> {
    if let Some(group) = path.strip_prefix('{') {
        return group_items(group)
            .into_iter()
            .flat_map(|item| units_named(prefix, &item))
            .collect();
    }
    if prefix.is_empty() && path.starts_with("commands::{") {
        return units_named("commands", &path["commands::".len()..]);
    }
    let joined = if prefix.is_empty() {
        path.to_string()
    } else {
        let end = path
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(path.len());
        format!("{prefix}::{}", &path[..end])
    };
    let name = unit_named(&joined);
    if name.is_empty() || name == prefix {
        Vec::new()
    } else {
        vec![name]
    }
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

/// The first-level items of a `{…}` group (the text after its `{`), as
/// written (`a::x`, `b::{c, d}`); `self` is left out.
fn group_items(rest: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0;
    let mut item_start = 0;
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(rest[item_start..i].trim().to_string());
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(rest[item_start..i].trim().to_string());
                item_start = i + 1;
            }
            _ => {}
        }
    }
    items.retain(|h| !h.is_empty() && h != "self");
    items
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
        for (line, to) in imports(&text, &module_of(relative)) {
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
        for (_, to) in imports(&text, &module_of(relative)) {
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
    // The ways round a plain `use`: a group under `commands`, a `super::`
    // chain that climbs to the root, a path after a `//` inside a string,
    // and a group over several lines; a test module's `super::super` that
    // stays inside its own folder is allowed.
    fs::write(
        src.join("commands/event.rs"),
        "use crate::commands::{\n    goal::x,\n};\nuse super::contact::y;\n",
    )
    .expect("write");
    fs::write(
        src.join("orgs/store.rs"),
        "use super::super::reports::agenda;\nfn g() { let u = \"https://x\"; crate::network::f(); }\n\
         #[cfg(test)]\nmod tests {\n    use super::super::merge::m;\n    use super::*;\n}\n",
    )
    .expect("write");
    let found = violations(src);
    assert_eq!(
        found,
        [
            "src/commands/event.rs:1: commands::event -> commands::goal (features never import each other)",
            "src/commands/event.rs:4: commands::event -> commands::contact (features never import each other)",
            "src/commands/org.rs:1: commands::org -> commands::app (features never import each other)",
            "src/orgs/mod.rs:2: orgs -> applications (applications comes after orgs in the nouns order)",
            "src/orgs/store.rs:1: orgs -> reports (nouns may not import the higher layer features)",
            "src/orgs/store.rs:2: orgs -> network (network comes after orgs in the nouns order)",
            "src/output.rs:1: output -> ctx (ctx comes after output in the base order)",
        ]
    );
}
