//! The documentation stands alone in a clone: no Markdown file refers to a place outside the
//! repository (such as ../shared), and every relative link points to a file that exists.

use std::path::{Path, PathBuf};

const SKIPPED_DIRS: [&str; 7] = ["target", "node_modules", "vendor", "dist", ".git", "build", "pkg"];

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && !entry.file_type().unwrap().is_symlink() {
            if !SKIPPED_DIRS.contains(&name.as_str()) {
                markdown_files(&path, out);
            }
        } else if name.ends_with(".md") {
            out.push(path);
        }
    }
}

fn repository_markdown() -> Vec<PathBuf> {
    let mut files = Vec::new();
    markdown_files(Path::new(env!("CARGO_MANIFEST_DIR")), &mut files);
    assert!(files.len() > 5, "found {} Markdown files", files.len());
    files
}

#[test]
fn no_document_refers_outside_the_repository() {
    for file in repository_markdown() {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("../shared"), "{} refers to ../shared", file.display());
    }
}

#[test]
fn every_relative_link_points_to_an_existing_file() {
    let link = regex::Regex::new(r"\]\(([^)\s#]+)(#[^)]*)?\)").unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).canonicalize().unwrap();
    for file in repository_markdown() {
        let text = std::fs::read_to_string(&file).unwrap();
        for captures in link.captures_iter(&text) {
            let target = &captures[1];
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let resolved = file.parent().unwrap().join(target);
            let resolved = resolved
                .canonicalize()
                .unwrap_or_else(|_| panic!("{}: link to missing {target}", file.display()));
            assert!(
                resolved.starts_with(&root),
                "{}: link outside the repository: {target}",
                file.display()
            );
        }
    }
}
