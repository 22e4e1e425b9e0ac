//! Where secrets come from: ZEGO_SERVER_SECRET, --secret-file, --secret-stdin. Never argv.

use std::io::Read;

use crate::args::SecretArgs;
use crate::exit::Failure;

const ENV: &str = "ZEGO_SERVER_SECRET";
const HOW: &str = "set ZEGO_SERVER_SECRET, or pass --secret-file PATH, or pass --secret-stdin";

/// Every secret given, in order: files, then stdin, or else the environment variable.
pub fn read_all(args: &SecretArgs, token_on_stdin: bool) -> Result<Vec<String>, Failure> {
    if args.on_argv.is_some() {
        return Err(Failure::secret(format!(
            "refusing --secret: a secret on the command line can be read by other users; {HOW}"
        )));
    }
    let mut secrets = Vec::new();
    for path in &args.files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::io(&format!("cannot read the secret file {}", path.display()), e))?;
        secrets.extend(lines(&text));
    }
    if args.stdin {
        if token_on_stdin {
            return Err(Failure::secret(
                "--secret-stdin needs the token as an argument: stdin cannot carry both",
            ));
        }
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::io("reading the secret from stdin", e))?;
        secrets.extend(lines(&text));
    }
    if args.files.is_empty() && !args.stdin {
        if let Ok(text) = std::env::var(ENV) {
            secrets.extend(lines(&text));
        }
    }
    if secrets.is_empty() {
        return Err(Failure::secret(format!("no secret given: {HOW}")));
    }
    for (position, secret) in secrets.iter().enumerate() {
        if zego_token::Secret::new(secret).is_err() {
            return Err(Failure::secret(format!(
                "secret #{} is invalid: {}",
                position + 1,
                why_invalid(secret)
            )));
        }
    }
    Ok(secrets)
}

/// Exactly one secret (for generate).
pub fn read_one(args: &SecretArgs) -> Result<String, Failure> {
    let mut secrets = read_all(args, false)?;
    if secrets.len() > 1 {
        return Err(Failure::secret(format!(
            "generate needs exactly one secret, {} were given",
            secrets.len()
        )));
    }
    Ok(secrets.remove(0))
}

/// Why a secret is refused, without showing any of it.
fn why_invalid(secret: &str) -> String {
    if secret.starts_with('\u{feff}') {
        "it starts with a UTF-8 byte order mark (save the file without one)".into()
    } else if secret.starts_with('#') {
        "it looks like a comment; a secret file holds only secrets, one per line".into()
    } else if !secret.is_ascii() {
        "it contains non-ASCII characters; a ServerSecret is 32 ASCII characters".into()
    } else {
        format!("it is {} characters long; a ServerSecret is exactly 32", secret.len())
    }
}

/// One secret per non-empty line, trimmed.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned)
}
