//! docs/api.md is the table of every concept against its name in the C ABI and each binding. This
//! test reads the table, each binding's declarations and each binding's README, and fails when they
//! disagree: a name in the table that the binding does not declare or its README does not show, or
//! a type, function or constant the binding exports that the table does not list.
//!
//! The readers below are regular expressions over each language's declarations, not compilers: they
//! find what a public name looks like in that language (an `export` in the TypeScript declarations,
//! `__all__` in Python, a `public` type or static member in Java and C#, a capitalized top-level
//! identifier in Go, ...). Comments are removed first, so a name only mentioned in a comment does
//! not count as declared.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files under `dir` (recursively) whose names end with one of `exts`, test files left out.
fn sources(dir: &str, exts: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                walk(&path, exts, out);
            } else if exts.iter().any(|ext| name.ends_with(ext)) && !name.ends_with("_test.go") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), exts, &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// Removes `/* */` and `//` comments (C, C++, C#, Java, Go, TypeScript, PHP, Objective-C).
fn strip_comments(text: &str) -> String {
    let block = Regex::new(r"(?s)/\*.*?\*/").unwrap();
    let line = Regex::new(r"(?m)//.*$").unwrap();
    line.replace_all(&block.replace_all(text, " "), "").into_owned()
}

fn captures(text: &str, pattern: &str, into: &mut BTreeSet<String>) {
    let re = Regex::new(pattern).unwrap();
    for caps in re.captures_iter(text) {
        for group in caps.iter().skip(1).flatten() {
            into.insert(group.as_str().to_string());
        }
    }
}

fn identifiers(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    captures(text, r"([A-Za-z_][A-Za-z0-9_]*)", &mut out);
    out
}

/// What a binding declares: `exports` are its top-level public names (every one must be in the
/// table); `declared` is every public name, members included (every name in the table must be one).
#[derive(Default)]
struct Surface {
    exports: BTreeSet<String>,
    declared: BTreeSet<String>,
}

fn joined(paths: &[PathBuf], strip: bool) -> String {
    paths
        .iter()
        .map(|p| if strip { strip_comments(&read(p)) } else { read(p) })
        .collect::<Vec<_>>()
        .join("\n")
}

fn c_surface() -> Surface {
    let text = strip_comments(&read(&root().join("include/zego_token.h")));
    let mut s = Surface::default();
    captures(&text, r"\b(zego_\w+)\s*\(", &mut s.exports);
    captures(&text, r"#define (ZEGO_\w+)", &mut s.exports);
    captures(&text, r"(?m)^\s*(ZEGO_RESULT_\w+)\s*=", &mut s.exports);
    captures(&text, r"typedef (?:enum|struct) \w+ (\w+);", &mut s.exports);
    captures(&text, r"(?s)typedef struct \{[^}]*\} (\w+);", &mut s.exports);
    s.exports.retain(|name| !name.ends_with("_H"));
    s.declared = identifiers(&text);
    s
}

/// Removes the `namespace detail { ... }` blocks of a C++ header (brace-matched).
fn without_detail(text: &str) -> String {
    let mut out = text.to_string();
    while let Some(start) = out.find("namespace detail {") {
        let mut depth = 0;
        let mut end = out.len();
        for (i, c) in out[start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.replace_range(start..end, "");
    }
    out
}

fn cpp_surface() -> Surface {
    let main = without_detail(&strip_comments(&read(
        &root().join("bindings/cpp/include/zego_token.hpp"),
    )));
    let mut s = Surface::default();
    captures(&main, r"(?m)^(?:class|struct) (\w+)", &mut s.exports);
    captures(&main, r"(?m)^using (\w+) =", &mut s.exports);
    captures(&main, r"(?m)^inline [^(=]*?\b(\w+)\(", &mut s.exports);
    captures(&main, r"(?m)^template <[^>]*>\s*(?:class|struct) (\w+)", &mut s.exports);
    let all = without_detail(&joined(&sources("bindings/cpp/include", &[".hpp", ".h"]), true));
    s.declared = identifiers(&all);
    s
}

fn python_surface() -> Surface {
    let files = sources("bindings/python/src/zego_token", &[".py"]);
    let init = read(&root().join("bindings/python/src/zego_token/__init__.py"));
    let all_list = Regex::new(r"(?s)__all__\s*=\s*\[(.*?)\]").unwrap();
    let list = all_list.captures(&init).expect("__all__ in zego_token/__init__.py")[1].to_string();
    let mut s = Surface::default();
    captures(&list, r#""(\w+)""#, &mut s.exports);
    let text = joined(&files, false);
    captures(&text, r"(?m)^\s*def (\w+)", &mut s.declared);
    captures(&text, r"(?m)^\s*class (\w+)", &mut s.declared);
    captures(&text, r"(?m)^\s+(\w+)\s*:\s*[\w\[]", &mut s.declared);
    captures(&text, r"(?m)^(\w+)\s*=", &mut s.declared);
    for file in &files {
        s.declared
            .insert(file.file_stem().unwrap().to_string_lossy().into_owned());
    }
    s.declared.insert("zego_token".into());
    s.declared.extend(s.exports.iter().cloned());
    s
}

fn node_surface() -> Surface {
    let text = strip_comments(&read(&root().join("bindings/node/index.d.ts")));
    let mut s = Surface::default();
    captures(
        &text,
        r"(?m)^export (?:declare )?(?:function|class|const|interface|type|let|var) (\w+)",
        &mut s.exports,
    );
    s.declared = s.exports.clone();
    captures(
        &text,
        r"(?m)^\s+(?:readonly |static )*(\w+)\??\s*[(:<]",
        &mut s.declared,
    );
    s
}

/// Java and C#: public types (nested ones too) and public static members are exports; every public
/// declaration's name is declared.
fn java_like_surface(export_files: &[PathBuf], all_files: &[PathBuf]) -> Surface {
    let types = r"public (?:static |final |sealed |abstract |partial )*(?:class|interface|enum|struct) (\w+)";
    let statics = r"public (?:static|const)\b[^=;(){]*?\b(\w+)\s*(?:\(|=|;|\{|$)";
    let mut s = Surface::default();
    let exported = joined(export_files, true);
    captures(&exported, types, &mut s.exports);
    captures(&exported, &format!("(?m){statics}"), &mut s.exports);
    let all = joined(all_files, true);
    captures(&all, types, &mut s.declared);
    captures(&all, r"(?m)public [^=;(){]*?\b(\w+)\s*(?:\(|=|;|\{|$)", &mut s.declared);
    // Enum constants and the members of the drop-in's classes, whatever their modifiers.
    captures(&all, r"(?m)^\s+([A-Z][A-Z0-9_]*)\s*(?:\(|,|=|$)", &mut s.declared);
    s.declared.extend(s.exports.iter().cloned());
    s
}

fn java_surface() -> Surface {
    java_like_surface(
        &sources("bindings/java/src/main/java/im/zego/token", &[".java"]),
        &sources("bindings/java/src/main/java", &[".java"]),
    )
}

fn dotnet_surface() -> Surface {
    let files = sources("bindings/dotnet/src", &[".cs"]);
    java_like_surface(&files, &files)
}

fn go_surface() -> Surface {
    let mut s = Surface::default();
    let root_files: Vec<PathBuf> = sources("bindings/go", &[".go"])
        .into_iter()
        .filter(|p| p.parent() == Some(root().join("bindings/go").as_path()))
        .collect();
    let exported = joined(&root_files, true);
    captures(&exported, r"(?m)^func ([A-Z]\w*)", &mut s.exports);
    captures(&exported, r"(?m)^type ([A-Z]\w*)", &mut s.exports);
    captures(&exported, r"(?m)^(?:var|const) ([A-Z]\w*)", &mut s.exports);
    let block = Regex::new(r"(?ms)^(?:var|const) \((.*?)^\)").unwrap();
    for caps in block.captures_iter(&exported) {
        captures(&caps[1], r"(?m)^\t([A-Z]\w*)", &mut s.exports);
    }
    let all = joined(&sources("bindings/go", &[".go"]), true);
    s.declared = s.exports.clone();
    captures(&all, r"(?m)^(?:func|type|var|const) ([A-Z]\w*)", &mut s.declared);
    captures(&all, r"(?m)^package (\w+)", &mut s.declared);
    captures(&all, r"(?m)^\t([A-Z]\w*)\s", &mut s.declared);
    for line in all.lines().filter(|l| l.starts_with("func ")) {
        s.declared.extend(identifiers(line));
    }
    s
}

fn php_surface() -> Surface {
    let files = sources("bindings/php/src", &[".php"]);
    let mut s = Surface::default();
    let class = r"(?m)^(?:final |abstract )?(?:class|interface) (\w+)";
    for file in &files {
        let text = read(file);
        if !text.contains("@internal\n */\nfinal class") && !text.contains("@internal\n */\nclass") {
            captures(&strip_comments(&text), class, &mut s.exports);
        }
        captures(&text, r"@property(?:-read)? \S+\s+\$(\w+)", &mut s.declared);
        let code = strip_comments(&text);
        captures(&code, class, &mut s.declared);
        captures(&code, r"public (?:static )?function (\w+)", &mut s.declared);
        captures(&code, r"public (?:readonly )?(?:\??[\w\\]+ )?\$(\w+)", &mut s.declared);
        captures(&code, r"\bconst (\w+)", &mut s.declared);
        captures(&code, r"(?m)^namespace ([\w\\]+);", &mut s.declared);
    }
    let parts: Vec<String> = s
        .declared
        .iter()
        .flat_map(|n| n.split('\\').map(str::to_string).collect::<Vec<_>>())
        .collect();
    s.declared.extend(parts);
    s
}

fn objc_surface() -> Surface {
    let text = joined(&sources("bindings/objc/Sources/ZegoToken/include", &[".h"]), true);
    let mut s = Surface::default();
    captures(&text, r"@interface (\w+)", &mut s.exports);
    captures(&text, r"NS_ENUM\(\w+, (\w+)\)", &mut s.exports);
    captures(&text, r"(?m)^\s+(ZTK\w+)\b[^=\n]*=", &mut s.exports);
    captures(&text, r"ZTK_EXTERN [^;]*?\b(\w+);", &mut s.exports);
    s.declared = identifiers(&text);
    s
}

/// The table: for each language column, the names in its cells (cells that start with a dash
/// hold no names), and the error rows' code against their C name.
struct Table {
    languages: Vec<String>,
    names: BTreeMap<String, Vec<String>>,
    codes: Vec<(i64, String)>,
}

fn table() -> Table {
    let text = read(&root().join("docs/api.md"));
    let code_span = Regex::new(r"`([^`]+)`").unwrap();
    let error_row = Regex::new(r"^\*\*(\d+)\*\*").unwrap();
    let mut t = Table {
        languages: Vec::new(),
        names: BTreeMap::new(),
        codes: Vec::new(),
    };
    for line in text.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells[0] == "concept" {
            let header: Vec<String> = cells[1..].iter().map(|c| c.to_string()).collect();
            assert!(
                t.languages.is_empty() || t.languages == header,
                "every table has the same columns"
            );
            t.languages = header;
            continue;
        }
        if cells[0].starts_with("---") {
            continue;
        }
        assert_eq!(
            cells.len(),
            t.languages.len() + 1,
            "row with a cell per language: {line}"
        );
        for (language, cell) in t.languages.iter().zip(&cells[1..]) {
            if cell.starts_with('—') {
                continue;
            }
            let names = t.names.entry(language.clone()).or_default();
            for caps in code_span.captures_iter(cell) {
                names.push(caps[1].to_string());
            }
        }
        if let Some(caps) = error_row.captures(cells[0]) {
            let c_name = code_span.captures(cells[1]).expect("an error row names its C constant")[1].to_string();
            t.codes.push((caps[1].parse().unwrap(), c_name));
        }
    }
    t
}

struct Binding {
    column: &'static str,
    surface: fn() -> Surface,
    readme: &'static str,
}

const BINDINGS: &[Binding] = &[
    Binding {
        column: "C ABI",
        surface: c_surface,
        readme: "README.md",
    },
    Binding {
        column: "C++",
        surface: cpp_surface,
        readme: "bindings/cpp/README.md",
    },
    Binding {
        column: "Python",
        surface: python_surface,
        readme: "bindings/python/README.md",
    },
    Binding {
        column: "Node.js",
        surface: node_surface,
        readme: "bindings/node/README.md",
    },
    Binding {
        column: "Java",
        surface: java_surface,
        readme: "bindings/java/README.md",
    },
    Binding {
        column: ".NET",
        surface: dotnet_surface,
        readme: "bindings/dotnet/README.md",
    },
    Binding {
        column: "Go",
        surface: go_surface,
        readme: "bindings/go/README.md",
    },
    Binding {
        column: "PHP",
        surface: php_surface,
        readme: "bindings/php/README.md",
    },
    Binding {
        column: "Objective-C",
        surface: objc_surface,
        readme: "bindings/objc/README.md",
    },
];

/// Whether `readme` shows `name`: as a word, or (C) as the `_suffix` of a family the README
/// writes once in full (`zego_token_claims_app_id` / `_ctime`), or under a `PREFIX_*` wildcard.
fn readme_shows(readme: &str, name: &str) -> bool {
    let word = |w: &str| {
        Regex::new(&format!(r"(^|[^\w]){}($|[^\w])", regex::escape(w)))
            .unwrap()
            .is_match(readme)
    };
    if word(name) {
        return true;
    }
    name.match_indices('_').any(|(i, _)| {
        let (family, rest) = (&name[..i], &name[i..]);
        (readme.contains(family) && word(rest)) || readme.contains(&format!("{family}_*"))
    })
}

#[test]
fn the_table_has_a_column_for_the_c_abi_and_each_of_the_eight_languages() {
    let t = table();
    let expected: Vec<&str> = BINDINGS.iter().map(|b| b.column).collect();
    assert_eq!(t.languages, expected);
}

#[test]
fn every_name_in_the_table_is_declared_by_its_binding() {
    let t = table();
    let mut missing = Vec::new();
    for binding in BINDINGS {
        let surface = (binding.surface)();
        for name in &t.names[binding.column] {
            for id in identifiers(name) {
                if !surface.declared.contains(&id) {
                    missing.push(format!("{}: `{name}`: {id} is not declared", binding.column));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/api.md names what the bindings do not declare:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_name_in_the_table_is_in_its_bindings_readme() {
    let t = table();
    let mut missing = Vec::new();
    for binding in BINDINGS {
        let readme = read(&root().join(binding.readme));
        for name in &t.names[binding.column] {
            for id in identifiers(name) {
                if !readme_shows(&readme, &id) {
                    missing.push(format!(
                        "{}: `{name}`: {id} is not in {}",
                        binding.column, binding.readme
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "READMEs leave out names of docs/api.md:\n{}",
        missing.join("\n")
    );
}

#[test]
fn everything_a_binding_exports_is_in_the_table() {
    let t = table();
    let mut unlisted = Vec::new();
    for binding in BINDINGS {
        let surface = (binding.surface)();
        assert!(
            surface.exports.len() >= 10,
            "{}: the reader found only {:?}",
            binding.column,
            surface.exports
        );
        let listed: BTreeSet<String> = t.names[binding.column].iter().flat_map(|n| identifiers(n)).collect();
        for name in surface.exports.difference(&listed) {
            unlisted.push(format!("{}: {name}", binding.column));
        }
    }
    assert!(
        unlisted.is_empty(),
        "exported but not in docs/api.md:\n{}",
        unlisted.join("\n")
    );
}

#[test]
fn every_error_row_has_the_code_of_its_c_constant_and_every_code_has_a_row() {
    let t = table();
    let header = read(&root().join("include/zego_token.h"));
    let constant = Regex::new(r"(?m)^\s*(ZEGO_RESULT_\w+) = (\d+),").unwrap();
    let in_header: BTreeSet<(i64, String)> = constant
        .captures_iter(&header)
        .map(|c| (c[2].parse().unwrap(), c[1].to_string()))
        .collect();
    let in_table: BTreeSet<(i64, String)> = t.codes.iter().cloned().collect();
    assert!(
        in_header.len() >= 20,
        "read the codes of include/zego_token.h: {in_header:?}"
    );
    assert_eq!(in_table, in_header);
}
