//! Secret files: a ServerSecret or an API key, one per file, as Kubernetes Secrets, systemd's
//! `LoadCredential=` and Docker secrets provide them. The content is read into zeroizing memory;
//! errors name the file, never its content.

use crate::config_error::ConfigError;
use std::path::Path;
use zeroize::Zeroizing;

/// The file's text without a trailing newline (editors and `echo` add one).
pub fn read(path: &Path, what: &str) -> Result<Zeroizing<String>, ConfigError> {
    let bytes = Zeroizing::new(
        std::fs::read(path)
            .map_err(|e| ConfigError::new(format!("cannot read the {what} file {}: {e}", path.display())))?,
    );
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ConfigError::new(format!("the {what} file {} is not UTF-8 text", path.display())))?;
    let trimmed = text.trim_end_matches(['\n', '\r']);
    if trimmed.is_empty() {
        return Err(ConfigError::new(format!("the {what} file {} is empty", path.display())));
    }
    Ok(Zeroizing::new(trimmed.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_trailing_newline_is_not_part_of_the_secret() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"0123456789abcdef0123456789abcdef\n").unwrap();
        assert_eq!(
            read(file.path(), "secret").unwrap().as_str(),
            "0123456789abcdef0123456789abcdef"
        );
    }

    #[test]
    fn an_error_names_the_file_and_never_the_content() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&[0xff, b's', b'e', b'c']).unwrap();
        let err = read(file.path(), "secret").unwrap_err().to_string();
        assert!(
            err.contains(&file.path().display().to_string()) && !err.contains("sec\""),
            "{err}"
        );
        assert!(read(Path::new("/nonexistent/secret"), "secret")
            .unwrap_err()
            .to_string()
            .contains("/nonexistent/secret"));
    }
}
