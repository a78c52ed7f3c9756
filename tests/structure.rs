//! The code's shape, as the next change needs it: no source file over 400 lines (tests aside),
//! the live side and the drawing never reach into the interface's reducer or views, no two
//! files import each other, and the views' door to the run and the types' sizes never widen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Most lines of a source file, its tests aside.
const MOST_LINES: usize = 400;

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            out.push((path, text));
        }
    }
}

/// The file's code, its unit tests aside.
fn code(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests").map_or(text, |at| &text[..at])
}

/// A file's module path inside its crate (`src/live/page.rs` is `live::page`).
fn module_of(root: &Path, path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(root).expect("under the crate's src");
    let mut parts: Vec<String> = rel.with_extension("").iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The files of one crate, by module path.
fn crate_files(root: &Path) -> BTreeMap<Vec<String>, String> {
    let mut files = Vec::new();
    sources(root, &mut files);
    files.into_iter().map(|(path, text)| (module_of(root, &path), text)).collect()
}

/// The paths a file names: `crate::a::b`, `super::c`, `self::d` and `child::e` (a glob or a
/// list counts for the module it is taken from).
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let bytes = code.as_bytes();
    let mut paths = Vec::new();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < bytes.len() {
        if word(bytes[i]) && (i == 0 || !(word(bytes[i - 1]) || bytes[i - 1] == b':')) {
            let mut segments = Vec::new();
            let mut j = i;
            loop {
                let start = j;
                while j < bytes.len() && word(bytes[j]) {
                    j += 1;
                }
                segments.push(code[start..j].to_string());
                if code[j..].starts_with("::") && bytes.get(j + 2).is_some_and(|&c| word(c)) {
                    j += 2;
                } else {
                    break;
                }
            }
            if segments.len() > 1 || code[j..].starts_with("::") {
                paths.push(segments);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    paths
}

/// The file a path leads to, from the module `from`: the longest prefix that is a file.
fn resolve(files: &BTreeMap<Vec<String>, String>, from: &[String], path: &[String]) -> Option<Vec<String>> {
    let (mut base, rest): (Vec<String>, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("self") => (from.to_vec(), &path[1..]),
        Some("super") => {
            let ups = path.iter().take_while(|s| *s == "super").count();
            (from[..from.len().checked_sub(ups)?].to_vec(), &path[ups..])
        }
        Some(first) if files.contains_key(&[from, &[first.to_string()]].concat()) => (from.to_vec(), path),
        _ => return None,
    };
    base.extend(rest.iter().cloned());
    (1..=base.len()).rev().map(|k| base[..k].to_vec()).find(|m| files.contains_key(m))
}

#[test]
fn no_source_file_is_over_400_lines_tests_aside() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&manifest.join("src"), &mut files);
    sources(&manifest.join("engine/src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .map(|(path, text)| (path, code(text).lines().count()))
        .filter(|(_, lines)| *lines > MOST_LINES)
        .map(|(path, lines)| format!("{} ({lines} lines)", path.display()))
        .collect();
    assert!(long.is_empty(), "over {MOST_LINES} lines: {long:?}");
}

#[test]
fn the_live_side_and_the_drawing_never_reach_into_the_interface() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = crate_files(&root);
    let mut wrong = Vec::new();
    for (module, text) in &files {
        if !matches!(module.first().map(String::as_str), Some("live" | "render")) {
            continue;
        }
        for path in named_paths(code(text)) {
            if let Some(target) = resolve(&files, module, &path) {
                if target.first().map(String::as_str) == Some("app") {
                    wrong.push(format!("{} -> {}", module.join("::"), target.join("::")));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn no_two_files_import_each_other() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for root in [manifest.join("src"), manifest.join("engine/src")] {
        let files = crate_files(&root);
        let mut edges = BTreeSet::new();
        for (module, text) in &files {
            for path in named_paths(code(text)) {
                if let Some(target) = resolve(&files, module, &path) {
                    if &target != module {
                        edges.insert((module.clone(), target));
                    }
                }
            }
        }
        let both: Vec<String> = edges
            .iter()
            .filter(|(a, b)| a < b && edges.contains(&(b.clone(), a.clone())))
            .map(|(a, b)| format!("{} <-> {}", a.join("::"), b.join("::")))
            .collect();
        assert!(both.is_empty(), "{}: {both:?}", root.display());
        assert!(edges.len() > files.len() / 2, "the files' imports are found ({} between {} files)", edges.len(), files.len());
    }
}

/// The methods of each type's own `impl` blocks (not a trait's), across the files given.
fn methods_by_type(files: &BTreeMap<Vec<String>, String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for text in files.values() {
        let mut current: Option<String> = None;
        for line in code(text).lines() {
            if let Some(rest) = line.strip_prefix("impl ").or_else(|| line.strip_prefix("impl<").and_then(|l| l.split_once("> ").map(|(_, r)| r))) {
                current = (!rest.contains(" for ")).then(|| rest.trim_end_matches(" {").split('<').next().unwrap_or_default().to_string());
            } else if line.starts_with('}') {
                current = None;
            } else if let (Some(ty), true) =
                (&current, line.trim_start().starts_with("pub fn ") || line.trim_start().starts_with("fn ") || line.contains(") fn "))
            {
                if line.starts_with("    ") && !line.starts_with("        ") {
                    *counts.entry(ty.clone()).or_insert(0) += 1;
                }
            }
        }
    }
    counts
}

/// The door from the views to the run, as narrow as it has become: the page's host type
/// (`RunHost`) has at most this many methods, and at most this many view files name the live
/// side (the rest reach it through the context's door, `RunDoor`: `send` a command, `read`
/// the run). Each change may narrow them; none widens them again.
const HOST_METHODS: usize = 20;
const VIEW_FILES_NAMING_LIVE: usize = 10;
/// No other type has more methods than this.
const MOST_METHODS: usize = 20;

#[test]
fn the_views_door_to_the_run_and_the_types_stay_as_narrow_as_they_are() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = crate_files(&root);
    let methods = methods_by_type(&files);
    let host = methods.get("RunHost").copied().unwrap_or(0);
    assert!(host > 10 && host <= HOST_METHODS, "the host has {host} methods");
    let wide: Vec<_> = methods.iter().filter(|(ty, n)| ty.as_str() != "RunHost" && **n > MOST_METHODS).collect();
    assert!(wide.is_empty(), "types over {MOST_METHODS} methods: {wide:?}");
    let naming_live: Vec<_> = files
        .iter()
        .filter(|(module, _)| module.len() == 3 && module[..2] == ["app".to_string(), "view".to_string()])
        .filter(|(module, text)| {
            named_paths(code(text)).iter().any(|p| resolve(&files, module, p).is_some_and(|t| t.first().map(String::as_str) == Some("live")))
        })
        .map(|(module, _)| module.join("::"))
        .collect();
    assert!(naming_live.len() > 5 && naming_live.len() <= VIEW_FILES_NAMING_LIVE, "{} view files name the live side: {naming_live:?}", naming_live.len());
    // No view borrows the run: each sends a command or reads through the door.
    let borrowing: Vec<_> = files
        .iter()
        .filter(|(module, text)| module.len() == 3 && module[..2] == ["app".to_string(), "view".to_string()] && code(text).contains(".borrow"))
        .map(|(module, _)| module.join("::"))
        .collect();
    assert!(borrowing.is_empty(), "views that borrow the run instead of using its door: {borrowing:?}");
    // The views are written with html!, not as markup in strings.
    let markup: Vec<_> = files.iter().filter(|(_, text)| code(text).contains("from_html_unchecked")).map(|(module, _)| module.join("::")).collect();
    assert!(markup.is_empty(), "markup written in strings: {markup:?}");
}

/// Most lines of one function of the views: a longer one is cut into the parts it draws.
const MOST_VIEW_FUNCTION_LINES: usize = 120;

/// Each function's name and lines in `text` (from its `fn` line to its closing brace at the
/// same indentation).
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(rest) = ["fn ", "pub fn ", "pub(super) fn ", "pub(crate) fn "].iter().find_map(|p| trimmed.strip_prefix(p)) else { continue };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let end = lines[i + 1..].iter().position(|l| l.len() > indent && l[..indent].trim().is_empty() && l[indent..].starts_with('}'));
        if let Some(end) = end.filter(|_| !line.trim_end().ends_with(';')) {
            out.push((name, end + 2));
        }
    }
    out
}

#[test]
fn no_function_of_the_views_is_over_120_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/view");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let lengths: Vec<(String, usize)> =
        files.iter().flat_map(|(path, text)| function_lengths(code(text)).into_iter().map(move |(f, n)| (format!("{}::{f}", path.display()), n))).collect();
    assert!(lengths.len() > 100, "the views' functions are found ({})", lengths.len());
    let long: Vec<_> = lengths.iter().filter(|(_, n)| *n > MOST_VIEW_FUNCTION_LINES).collect();
    assert!(long.is_empty(), "over {MOST_VIEW_FUNCTION_LINES} lines: {long:?}");
}

/// The page's shell does what a change of state needs in one place: the reducer returns its
/// effects (app/effects.rs) and the page has two effects of its own (view/perform.rs: the
/// listeners, made once, and the reducer's effects carried out), the playground's component
/// none beside them and at most 80 lines.
#[test]
fn the_shell_has_two_effects_and_the_reducer_returns_the_rest() {
    let view = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/view");
    let text = |name: &str| std::fs::read_to_string(view.join(name)).unwrap();
    let effects = |t: &str| code(t).matches("use_effect(").count() + code(t).matches("use_effect_with(").count();
    assert_eq!(effects(&text("perform.rs")), 2, "the listeners and the reducer's effects");
    assert_eq!(effects(&text("app.rs")) + effects(&text("pages.rs")), 0, "the pages' effects are perform.rs's");
    assert!(text("app.rs").lines().count() <= 80);
    let state = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/update.rs")).unwrap();
    assert!(state.contains("pub fn update(&self, action: super::state::Action) -> (AppState, Vec<Effect>)"));
}
